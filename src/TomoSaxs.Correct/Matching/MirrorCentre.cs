namespace TomoSaxs.Correct.Matching;

/// <summary>
/// The centre of a mirror-symmetric profile (an empty or buffer-filled tube seen across a line scan): the c that
/// minimises the mean squared difference between the profile and its mirror image about c, p(x) vs p(2c − x), with
/// p linearly interpolated between frames. Unlike wall peaks it uses every frame, and it needs no peak above the
/// buffer's hump (on a large detector the buffer dominates the frame sums). Only points at |x − c| ≥
/// <c>minimumRadius</c> are compared, so a sample inside the tube can be kept out.
/// </summary>
public static class MirrorCentre
{
    /// <summary>The centre, µm, searched within ± <paramref name="searchHalfWidthUm"/> of <paramref name="startUm"/>.</summary>
    /// <param name="profile">Values per frame (e.g. frame sums per I0).</param>
    /// <param name="xUm">Positions per frame, µm (any order).</param>
    /// <param name="startUm">Start of the search, µm.</param>
    /// <param name="searchHalfWidthUm">Half-width of the search, µm.</param>
    /// <param name="minimumRadiusUm">Compare only points at least this far from the centre, µm.</param>
    public static double Find(IReadOnlyList<double> profile, IReadOnlyList<double> xUm, double startUm, double searchHalfWidthUm, double minimumRadiusUm = 0)
    {
        var order = Enumerable.Range(0, profile.Count).OrderBy(i => xUm[i]).ToArray();
        var x = order.Select(i => xUm[i]).ToArray();
        var p = order.Select(i => profile[i]).ToArray();
        var step = (x[^1] - x[0]) / Math.Max(1, x.Length - 1);
        double Cost(double c)
        {
            double sum = 0;
            var n = 0;
            for (var k = 0; k < x.Length; k++)
            {
                var mirror = 2 * c - x[k];
                if (Math.Abs(x[k] - c) < minimumRadiusUm || mirror < x[0] || mirror > x[^1])
                {
                    continue;
                }

                var d = p[k] - Interpolate(x, p, mirror);
                sum += d * d;
                n++;
            }

            return n < 4 ? double.PositiveInfinity : sum / n;
        }

        // Coarse scan at a tenth of a step, then golden-section refinement around the best point.
        var coarse = Math.Max(step / 10, 1e-3);
        var best = startUm;
        var bestCost = Cost(startUm);
        for (var c = startUm - searchHalfWidthUm; c <= startUm + searchHalfWidthUm; c += coarse)
        {
            var cost = Cost(c);
            if (cost < bestCost)
            {
                (best, bestCost) = (c, cost);
            }
        }

        var (a, b) = (best - coarse, best + coarse);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var c1 = b - ratio * (b - a);
        var c2 = a + ratio * (b - a);
        var f1 = Cost(c1);
        var f2 = Cost(c2);
        while (b - a > 1e-7)
        {
            if (f1 <= f2)
            {
                (b, c2, f2) = (c2, c1, f1);
                c1 = b - ratio * (b - a);
                f1 = Cost(c1);
            }
            else
            {
                (a, c1, f1) = (c1, c2, f2);
                c2 = a + ratio * (b - a);
                f2 = Cost(c2);
            }
        }

        var refined = 0.5 * (a + b);
        return Cost(refined) <= bestCost ? refined : best;
    }

    private static double Interpolate(double[] x, double[] p, double at)
    {
        var hi = Array.BinarySearch(x, at);
        if (hi >= 0)
        {
            return p[hi];
        }

        hi = ~hi;
        if (hi == 0)
        {
            return p[0];
        }

        if (hi >= x.Length)
        {
            return p[^1];
        }

        var w = (at - x[hi - 1]) / (x[hi] - x[hi - 1]);
        return (1 - w) * p[hi - 1] + w * p[hi];
    }
}
