namespace TomoSaxs.Calibrate.Tube;

/// <summary>
/// Finds the tube's outer edge along rays cast from a point inside the tube. Each ray is walked inward from the
/// image border, so the first rise from air into material is the outer Kapton surface whatever the sample
/// inside looks like. The edge is placed to sub-pixel precision where the profile crosses halfway between the
/// local air level (just outside) and the wall level (just inside): the centre of a blurred step. Each point
/// carries those two levels, so that rays whose "outside" is not air (the tube cut by the field of view, where
/// a ray starts in the buffer and meets the inner wall) can be recognised and dropped.
/// </summary>
internal static class TubeEdgeRays
{
    /// <summary>The edge point (row, col) of every ray that has one, in pixels, with the grey levels just outside and inside it.</summary>
    public static List<EdgePoint> Find(float[,,] slab, int z, (double Row, double Col) centre, double threshold, TubeSearchOptions options)
    {
        var (height, width) = (slab.GetLength(1), slab.GetLength(2));
        var points = new List<EdgePoint>();
        if (centre.Row < 0 || centre.Col < 0 || centre.Row > height - 1 || centre.Col > width - 1)
        {
            return points;
        }

        var step = options.SampleStepPx;
        for (var k = 0; k < options.Rays; k++)
        {
            var angle = 2 * Math.PI * k / options.Rays;
            var (dr, dc) = (Math.Sin(angle), Math.Cos(angle));
            var reach = Reach(centre, dr, dc, height, width);
            var count = (int)Math.Floor(reach / step) + 1;
            var profile = new double[count];
            for (var i = 0; i < count; i++)
            {
                profile[i] = Bilinear(slab, z, centre.Row + i * step * dr, centre.Col + i * step * dc);
            }

            // A ray that ends in material at the border: the tube is cut by the field of view there.
            if (profile[count - 1] >= threshold)
            {
                continue;
            }

            var first = count - 1;
            while (first >= 0 && profile[first] < threshold)
            {
                first--;
            }

            if (first < 0)
            {
                continue;
            }

            var outside = Level(profile, first + (int)(2 / step), first + (int)(8 / step), median: true);
            var wall = Level(profile, first - (int)(options.WallSearchPx / step), first, median: false);
            var middle = 0.5 * (outside + wall);
            if (!(wall > outside))
            {
                continue;
            }

            // Walk inward from a little outside the first crossing to where the profile reaches the middle level.
            var i0 = Math.Min(count - 1, first + (int)(2 / step));
            while (i0 > 0 && profile[i0 - 1] < middle)
            {
                i0--;
            }

            if (i0 == 0)
            {
                continue;
            }

            // Between samples i0 − 1 (≥ middle) and i0 (< middle).
            var (inner, outer) = (profile[i0 - 1], profile[i0]);
            var s = (i0 - 1 + (inner - middle) / (inner - outer)) * step;
            points.Add(new EdgePoint(centre.Row + s * dr, centre.Col + s * dc, outside, wall));
        }

        return points;
    }

    /// <summary>
    /// Keeps the points whose outside level is the common one (air): within <paramref name="fraction"/> of the
    /// median wall − air contrast of the median outside level.
    /// </summary>
    public static List<(double Row, double Col)> OutsideIsAir(List<EdgePoint> points, double fraction)
    {
        if (points.Count == 0)
        {
            return [];
        }

        var air = Median(points.Select(p => p.Outside));
        var contrast = Median(points.Select(p => p.Wall - p.Outside));
        return [.. points.Where(p => Math.Abs(p.Outside - air) <= fraction * contrast).Select(p => (p.Row, p.Col))];
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>The distance from the centre along (dr, dc) to the last point inside [0, H − 1] × [0, W − 1].</summary>
    private static double Reach((double Row, double Col) centre, double dr, double dc, int height, int width)
    {
        var reach = double.PositiveInfinity;
        if (dr > 1e-12)
        {
            reach = Math.Min(reach, (height - 1 - centre.Row) / dr);
        }
        else if (dr < -1e-12)
        {
            reach = Math.Min(reach, -centre.Row / dr);
        }

        if (dc > 1e-12)
        {
            reach = Math.Min(reach, (width - 1 - centre.Col) / dc);
        }
        else if (dc < -1e-12)
        {
            reach = Math.Min(reach, -centre.Col / dc);
        }

        return reach;
    }

    private static double Level(double[] profile, int from, int to, bool median)
    {
        from = Math.Clamp(from, 0, profile.Length - 1);
        to = Math.Clamp(to, 0, profile.Length - 1);
        if (from > to)
        {
            (from, to) = (to, from);
        }

        var window = profile[from..(to + 1)];
        if (!median)
        {
            return window.Max();
        }

        Array.Sort(window);
        return window[window.Length / 2];
    }

    /// <summary>Bilinear interpolation with pixel (r, c) at coordinate (r, c).</summary>
    private static double Bilinear(float[,,] slab, int z, double row, double col)
    {
        var (height, width) = (slab.GetLength(1), slab.GetLength(2));
        var r0 = Math.Clamp((int)Math.Floor(row), 0, height - 1);
        var c0 = Math.Clamp((int)Math.Floor(col), 0, width - 1);
        var r1 = Math.Min(r0 + 1, height - 1);
        var c1 = Math.Min(c0 + 1, width - 1);
        var (fr, fc) = (Math.Clamp(row - r0, 0, 1), Math.Clamp(col - c0, 0, 1));
        return (1 - fr) * ((1 - fc) * slab[z, r0, c0] + fc * slab[z, r0, c1]) + fr * ((1 - fc) * slab[z, r1, c0] + fc * slab[z, r1, c1]);
    }
}

/// <summary>An outer-edge point (pixels) with the grey levels just outside (air) and inside (wall) it.</summary>
internal readonly record struct EdgePoint(double Row, double Col, double Outside, double Wall);
