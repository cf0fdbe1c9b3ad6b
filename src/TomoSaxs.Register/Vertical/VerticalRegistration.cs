using TomoSaxs.Calibrate.Estimates;

namespace TomoSaxs.Register.Vertical;

/// <summary>
/// Automatic vertical registration of the SAXS raster to the calibrated CT (registration note §9, replacing the
/// clicked landmark of §4): the coarse WAXS map is compared with the (inverted, summed) CT map by normalised
/// cross-correlation on the WAXS raster's µm grid. For each candidate offset the CT map is averaged over every WAXS
/// pixel's beam footprint (a box with fractional bounds, by default step × step, or the beam's Gaussian profile, as
/// the Register stage does), so a row that straddles an endplate is predicted as the WAXS map records it and the
/// offset is found between WAXS rows. A pencil beam gives no such rows at a flat endplate: the offset then follows the
/// row grid (docs/register.md). The search is
/// exhaustive on a coarse grid (½ WAXS step), then at one CT pixel around the best few coarse maxima, then
/// parabolic in y and x.
/// </summary>
public static class VerticalRegistration
{
    /// <summary>
    /// Finds (or, with <paramref name="pinnedOffsetUm"/>, takes) the vertical offset; the lateral offset is
    /// always searched as a by-product.
    /// </summary>
    /// <param name="ctMap">The CT map [z, col] (<c>SummedCtMap</c>), any grey units.</param>
    /// <param name="ctVoxelUm">The CT map's pixel size, µm (both axes).</param>
    /// <param name="waxsMap">The WAXS sum per frame [slice, position].</param>
    /// <param name="waxsYUm">Motor y of each WAXS slice, µm (evenly spaced, either direction).</param>
    /// <param name="waxsXUm">Motor x of each WAXS position, µm (evenly spaced, either direction).</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="pinnedOffsetUm"><c>register.vertical_offset_um</c> when a number: bypasses the vertical search.</param>
    /// <exception cref="ArgumentException">Shapes or positions are inconsistent, or the maps cannot overlap.</exception>
    public static VerticalMatch Match(
        double[,] ctMap, double ctVoxelUm, double[,] waxsMap, IReadOnlyList<double> waxsYUm, IReadOnlyList<double> waxsXUm,
        VerticalMatchOptions? options = null, double? pinnedOffsetUm = null)
    {
        options ??= new VerticalMatchOptions();
        var problem = new FootprintModel(ctMap, ctVoxelUm, waxsMap, waxsYUm, waxsXUm, options.VerticalSense, options.FootprintYUm, options.FootprintXUm, options.BeamSigmaUm);
        var polarity = options.Polarity;
        var v = ctVoxelUm;
        var stepY = Math.Max(v, options.CoarseStepFraction * problem.StepY);
        var stepX = Math.Max(v, options.CoarseStepFraction * problem.StepX);
        var (yMin, yMax) = options.VerticalRangeUm ?? problem.VerticalRange();
        var (xMin, xMax) = options.LateralRangeUm ?? problem.LateralRange();
        if (pinnedOffsetUm is { } pinned)
        {
            (yMin, yMax, stepY) = (pinned, pinned, v);
        }

        var ys = Grid(yMin, yMax, stepY);
        var xs = Grid(xMin, xMax, stepX);
        var coarse = new (double Score, double Ncc, int Valid)[ys.Length, xs.Length];
        Parallel.For(0, ys.Length, i =>
        {
            for (var k = 0; k < xs.Length; k++)
            {
                var (ncc, valid) = problem.Ncc(ys[i], xs[k]);
                coarse[i, k] = (Score(ncc, polarity), ncc, valid);
            }
        });

        var maxValid = coarse.Cast<(double Score, double Ncc, int Valid)>().Max(c => c.Valid);
        if (maxValid < 3)
        {
            throw new ArgumentException("The WAXS map and the CT map cannot be overlapped: no offset puts three WAXS pixels wholly on the CT map.");
        }

        var minimumValid = options.MinOverlapFraction * maxValid;
        double Usable((double Score, double Ncc, int Valid) c) => c.Valid >= minimumValid && double.IsFinite(c.Score) ? c.Score : double.NegativeInfinity;
        var (bi, bk) = ArgMax(coarse, Usable);
        if (double.IsNegativeInfinity(Usable(coarse[bi, bk])))
        {
            throw new ArgumentException("No offset gives a defined correlation between the WAXS map and the CT map (one of them is constant where they overlap).");
        }

        // The vertical offset's rival: the best other local maximum of the profile over y of the best score over x,
        // at least one WAXS step away (nearer maxima are noise on the shoulder of the same peak). Rivals that differ
        // only laterally do not make the vertical offset ambiguous.
        // Under Polarity.Either only rivals of the same sign as the match count: an opposite-sign rival means the
        // maps' contrast would have to flip, which is a different question from which height matches.
        var sign = Math.Sign(coarse[bi, bk].Ncc);
        double SameSign((double Score, double Ncc, int Valid) c) => c.Ncc * sign > 0 ? Usable(c) : double.NegativeInfinity;
        var second = SecondVerticalMaximum(coarse, polarity == Polarity.Either ? SameSign : Usable, bi, (int)Math.Ceiling(problem.StepY / stepY));
        // Fine search: one CT pixel steps within one coarse step of each of the best few coarse maxima (the coarse
        // grid may rank two nearby basins wrongly), then a parabola on each axis at the best.
        (double[] Y, double[] X, (double Score, double Ncc, int Valid)[,] Grid)? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var (ci, ck) in TopLocalMaxima(coarse, Usable, 3))
        {
            var fy = pinnedOffsetUm is { } p ? [p] : Grid(ys[ci] - stepY, ys[ci] + stepY, v);
            var fx = Grid(xs[ck] - stepX, xs[ck] + stepX, v);
            var grid = new (double Score, double Ncc, int Valid)[fy.Length, fx.Length];
            Parallel.For(0, fy.Length, i =>
            {
                for (var k = 0; k < fx.Length; k++)
                {
                    var (ncc, valid) = problem.Ncc(fy[i], fx[k]);
                    grid[i, k] = (Score(ncc, polarity), ncc, valid);
                }
            });

            var (gi, gk) = ArgMax(grid, Usable);
            if (best is null || Usable(grid[gi, gk]) > bestScore)
            {
                (best, bestScore) = ((fy, fx, grid), Usable(grid[gi, gk]));
            }
        }

        var (fineY, fineX, fine) = best!.Value;
        var (fi, fk) = ArgMax(fine, Usable);
        var offsetY = fineY[fi] + (pinnedOffsetUm is null ? v * Vertex(fine, Usable, fi, fk, alongY: true) : 0);
        var offsetX = fineX[fk] + v * Vertex(fine, Usable, fi, fk, alongY: false);
        // The whole map's NCC assumes one contrast for all materials; the interfaces alone do not (a few µm → ~0.3 µm).
        if (pinnedOffsetUm is null && options.RefineOnInterfaces
            && InterfaceRefinement.Refine(problem, offsetY, offsetX, v, v / 16) is { } refined)
        {
            (offsetY, offsetX) = (refined.OffsetY, refined.OffsetX);
        }
        var (finalNcc, finalValid) = problem.Ncc(offsetY, offsetX);
        var peakToSecond = pinnedOffsetUm is null
            ? (second > 0 ? Math.Abs(Score(finalNcc, polarity)) / second : double.PositiveInfinity)
            : double.NaN;
        return new VerticalMatch(offsetY, offsetX, options.VerticalSense, finalNcc, peakToSecond, finalValid,
            pinnedOffsetUm is null ? EstimateSource.Automatic : EstimateSource.Pinned, options.MinimumNcc);
    }

    /// <summary>The up to <paramref name="count"/> best local maxima (8-neighbourhood) of the usable score.</summary>
    private static IEnumerable<(int, int)> TopLocalMaxima((double Score, double Ncc, int Valid)[,] grid, Func<(double, double, int), double> usable, int count)
    {
        var maxima = new List<(double Score, int I, int K)>();
        for (var i = 0; i < grid.GetLength(0); i++)
        {
            for (var k = 0; k < grid.GetLength(1); k++)
            {
                var s = usable(grid[i, k]);
                if (!double.IsFinite(s))
                {
                    continue;
                }

                var isMaximum = true;
                for (var di = -1; di <= 1 && isMaximum; di++)
                {
                    for (var dk = -1; dk <= 1; dk++)
                    {
                        var (ni, nk) = (i + di, k + dk);
                        if (ni >= 0 && nk >= 0 && ni < grid.GetLength(0) && nk < grid.GetLength(1) && usable(grid[ni, nk]) > s)
                        {
                            isMaximum = false;
                            break;
                        }
                    }
                }

                if (isMaximum)
                {
                    maxima.Add((s, i, k));
                }
            }
        }

        return maxima.OrderByDescending(m => m.Score).Take(count).Select(m => (m.I, m.K));
    }

    private static double Score(double ncc, Polarity polarity) => polarity switch
    {
        Polarity.Positive => ncc,
        Polarity.Negative => -ncc,
        _ => Math.Abs(ncc),
    };

    private static double[] Grid(double min, double max, double step)
    {
        var count = (int)Math.Floor((max - min) / step + 1e-9) + 1;
        return [.. Enumerable.Range(0, Math.Max(1, count)).Select(i => min + i * step)];
    }

    private static (int, int) ArgMax((double Score, double Ncc, int Valid)[,] grid, Func<(double, double, int), double> usable)
    {
        var best = double.NegativeInfinity;
        (int, int) at = (0, 0);
        for (var i = 0; i < grid.GetLength(0); i++)
        {
            for (var k = 0; k < grid.GetLength(1); k++)
            {
                var s = usable(grid[i, k]);
                if (s > best)
                {
                    (best, at) = (s, (i, k));
                }
            }
        }

        return at;
    }

    /// <summary>The best local maximum of max-over-x score as a function of y, outside ±<paramref name="exclusion"/> rows of the peak.</summary>
    private static double SecondVerticalMaximum((double Score, double Ncc, int Valid)[,] grid, Func<(double, double, int), double> usable, int bi, int exclusion)
    {
        var profile = new double[grid.GetLength(0)];
        for (var i = 0; i < profile.Length; i++)
        {
            profile[i] = double.NegativeInfinity;
            for (var k = 0; k < grid.GetLength(1); k++)
            {
                profile[i] = Math.Max(profile[i], usable(grid[i, k]));
            }
        }

        var second = 0.0;
        for (var i = 0; i < profile.Length; i++)
        {
            var isMaximum = (i == 0 || profile[i - 1] <= profile[i]) && (i == profile.Length - 1 || profile[i + 1] <= profile[i]);
            if (Math.Abs(i - bi) > exclusion && double.IsFinite(profile[i]) && isMaximum)
            {
                second = Math.Max(second, profile[i]);
            }
        }

        return second;
    }

    /// <summary>The parabola vertex (in grid steps, within ±½) through the peak and its two neighbours on one axis.</summary>
    private static double Vertex((double Score, double Ncc, int Valid)[,] grid, Func<(double, double, int), double> usable, int i, int k, bool alongY)
    {
        var (n, at) = alongY ? (grid.GetLength(0), i) : (grid.GetLength(1), k);
        if (at == 0 || at == n - 1)
        {
            return 0;
        }

        var before = usable(alongY ? grid[i - 1, k] : grid[i, k - 1]);
        var peak = usable(grid[i, k]);
        var after = usable(alongY ? grid[i + 1, k] : grid[i, k + 1]);
        if (!double.IsFinite(before) || !double.IsFinite(after))
        {
            return 0;
        }

        var curvature = before - 2 * peak + after;
        return curvature < 0 ? Math.Clamp(0.5 * (before - after) / curvature, -0.5, 0.5) : 0;
    }
}
