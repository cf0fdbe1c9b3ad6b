namespace TomoSaxs.Register.Vertical;

/// <summary>
/// Refines the vertical offset on the WAXS map's horizontal interfaces alone (endplates, the vertebrae's faces),
/// each with its own contrast. The whole-map NCC needs one affine relation between WAXS counts and CT grey, which
/// the materials do not obey (bone, disc, buffer and Kapton each scatter and absorb in their own proportion), and
/// the misfit pulls the offset by a few µm. Across one flat interface, though, both maps are the same two-material
/// mixture weighted by the beam's share on either side, so within a short window of rows around it the WAXS value
/// is exactly affine in the CT prediction. Each window (one column, <see cref="HalfWindowRows"/> rows either side of
/// a step) gets its own gain and offset; the offsets minimise the summed residual over all windows.
/// </summary>
internal static class InterfaceRefinement
{
    /// <summary>Rows each side of a step between rows j and j + 1 (the window is j − 1 … j + 2 at 2).</summary>
    public const int HalfWindowRows = 2;

    /// <summary>A step counts as an interface when it is at least this share of its column's range…</summary>
    public const double MinimumStepFraction = 0.2;

    /// <summary>…and of the whole map's range (so a column of air or buffer, whose range is its noise, has none).</summary>
    public const double MinimumMapStepFraction = 0.05;

    /// <summary>
    /// The offsets within ±<paramref name="rangeUm"/> of (<paramref name="offsetY"/>, <paramref name="offsetX"/>)
    /// that best fit every interface window; null when the map has no window on the CT map over the whole range. The
    /// lateral offset is searched too: windows at the sample's or the tube's side edges depend on it, and the whole
    /// map's NCC can leave it a few µm off when the contrasts differ.
    /// </summary>
    /// <param name="problem">The maps.</param>
    /// <param name="offsetY">The NCC's vertical offset, µm.</param>
    /// <param name="offsetX">The NCC's lateral offset, µm.</param>
    /// <param name="rangeUm">Half-width of the search on each axis, µm.</param>
    /// <param name="stepUm">The scan's step, µm; the result is the parabola's vertex through the best three on each axis.</param>
    public static (double OffsetY, double OffsetX)? Refine(FootprintModel problem, double offsetY, double offsetX, double rangeUm, double stepUm)
    {
        var windows = Windows(problem.Waxs)
            .Where(w => Corners(offsetY, offsetX, rangeUm).All(c => Covered(problem, w, c.Y, c.X)))
            .ToArray();
        if (windows.Length == 0)
        {
            return null;
        }

        var first = Scan(problem, windows, offsetY, offsetX, rangeUm, stepUm);
        // A window the affine relation does not describe (a third material across the beam: a column at the disc's or
        // the tube's edge) pulls the offset; drop those that fit much worse than the typical window and scan again.
        var residuals = windows.Select(w => WindowResidual(problem, w, first.Y, first.X)).ToArray();
        var typical = residuals.Order().ElementAt(residuals.Length / 2);
        var kept = windows.Where((w, i) => residuals[i] <= OutlierFactor * typical).ToArray();
        return kept.Length == windows.Length || kept.Length == 0 ? first : Scan(problem, kept, offsetY, offsetX, rangeUm, stepUm);
    }

    /// <summary>A window whose relative residual at the first pass's offset exceeds this many times the median is
    /// left out of the second pass.</summary>
    public const double OutlierFactor = 3;

    private static IEnumerable<(double Y, double X)> Corners(double y, double x, double range) =>
        [(y - range, x - range), (y - range, x + range), (y + range, x - range), (y + range, x + range), (y, x)];

    private static (double Y, double X) Scan(FootprintModel problem, (int Column, int FirstRow)[] windows, double offsetY, double offsetX, double rangeUm, double stepUm)
    {
        var count = (int)Math.Round(2 * rangeUm / stepUm);
        var misfit = new double[count + 1, count + 1];
        Parallel.For(0, count + 1, i =>
        {
            for (var k = 0; k <= count; k++)
            {
                misfit[i, k] = Misfit(problem, windows, offsetY - rangeUm + i * stepUm, offsetX - rangeUm + k * stepUm);
            }
        });

        var (bi, bk) = (0, 0);
        for (var i = 0; i <= count; i++)
        {
            for (var k = 0; k <= count; k++)
            {
                if (misfit[i, k] < misfit[bi, bk])
                {
                    (bi, bk) = (i, k);
                }
            }
        }

        static double Vertex(double before, double at, double after)
        {
            var curvature = before - 2 * at + after;
            return curvature > 0 ? Math.Clamp(0.5 * (before - after) / curvature, -0.5, 0.5) : 0;
        }

        var dy = bi > 0 && bi < count ? Vertex(misfit[bi - 1, bk], misfit[bi, bk], misfit[bi + 1, bk]) : 0;
        var dx = bk > 0 && bk < count ? Vertex(misfit[bi, bk - 1], misfit[bi, bk], misfit[bi, bk + 1]) : 0;
        return (offsetY - rangeUm + (bi + dy) * stepUm, offsetX - rangeUm + (bk + dx) * stepUm);
    }

    /// <summary>Windows (column, first row) around each step of a column's profile that is a local maximum of |step|,
    /// at least <see cref="MinimumStepFraction"/> of the column's range and <see cref="MinimumMapStepFraction"/> of
    /// the map's.</summary>
    public static IEnumerable<(int Column, int FirstRow)> Windows(double[,] waxs)
    {
        var (rows, columns) = (waxs.GetLength(0), waxs.GetLength(1));
        var finite = waxs.Cast<double>().Where(double.IsFinite).ToArray();
        var mapRange = finite.Length > 0 ? finite.Max() - finite.Min() : 0;
        for (var p = 0; p < columns; p++)
        {
            var values = Enumerable.Range(0, rows).Select(j => waxs[j, p]).Where(double.IsFinite).ToArray();
            if (values.Length < 2 * HalfWindowRows)
            {
                continue;
            }

            var range = values.Max() - values.Min();
            double Step(int j) => j >= 0 && j + 1 < rows ? Math.Abs(waxs[j + 1, p] - waxs[j, p]) : 0;
            for (var j = HalfWindowRows - 1; j + HalfWindowRows < rows; j++)
            {
                var step = Step(j);
                if (range > 0 && step >= MinimumStepFraction * range && step >= MinimumMapStepFraction * mapRange
                    && step > Step(j - 1) && step >= Step(j + 1))
                {
                    yield return (p, j - HalfWindowRows + 1);
                }
            }
        }
    }

    private static bool Covered(FootprintModel problem, (int Column, int FirstRow) window, double oy, double ox)
    {
        for (var j = window.FirstRow; j < window.FirstRow + 2 * HalfWindowRows; j++)
        {
            if (!problem.TryPredict(j, window.Column, oy, ox, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Σ over windows of the residual of the best affine fit of WAXS by CT, over Σ of the WAXS variance.</summary>
    private static double Misfit(FootprintModel problem, (int Column, int FirstRow)[] windows, double oy, double ox)
    {
        double residual = 0, total = 0;
        foreach (var window in windows)
        {
            var (r, t) = Fit(problem, window, oy, ox);
            (residual, total) = (residual + r, total + t);
        }

        return total > 0 ? residual / total : 0;
    }

    /// <summary>One window's residual over its WAXS variance.</summary>
    private static double WindowResidual(FootprintModel problem, (int Column, int FirstRow) window, double oy, double ox)
    {
        var (residual, total) = Fit(problem, window, oy, ox);
        return total > 0 ? residual / total : 0;
    }

    /// <summary>The residual of the best affine fit of WAXS by CT in one window, and the WAXS variance (× n).</summary>
    private static (double Residual, double Total) Fit(FootprintModel problem, (int Column, int FirstRow) window, double oy, double ox)
    {
        var (column, first) = window;
        double sw = 0, sc = 0, sww = 0, scc = 0, swc = 0;
        const int n = 2 * HalfWindowRows;
        for (var j = first; j < first + n; j++)
        {
            problem.TryPredict(j, column, oy, ox, out var c);
            var w = problem.Waxs[j, column];
            (sw, sc, sww, scc, swc) = (sw + w, sc + c, sww + w * w, scc + c * c, swc + w * c);
        }

        var vw = sww - sw * sw / n;
        var vc = scc - sc * sc / n;
        var cov = swc - sw * sc / n;
        return (vc > 0 ? vw - cov * cov / vc : vw, vw);
    }
}
