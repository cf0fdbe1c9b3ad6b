namespace TomoSaxs.Integration;

/// <summary>The bins one pixel's bounding box covers along one axis, after pyFAI's clipping.</summary>
/// <param name="First">First covered bin (clipped to 0).</param>
/// <param name="Last">Last covered bin (clipped to bins − 1).</param>
/// <param name="FractionalMin">Fractional bin number of the box's lower edge (unclipped).</param>
/// <param name="FractionalMax">Fractional bin number of the box's upper edge (unclipped).</param>
internal readonly record struct AxisCoverage(int First, int Last, double FractionalMin, double FractionalMax)
{
    public bool SingleBin => First == Last;

    /// <summary>(First + 1) − fmin: the box length inside the first bin, in bin widths (pyFAI delta_left/down).</summary>
    public double FirstPart => (First + 1) - FractionalMin;

    /// <summary>fmax − Last: the box length inside the last bin (pyFAI delta_right/up).</summary>
    public double LastPart => FractionalMax - Last;

    /// <summary>fmax − fmin: the box length in bin widths.</summary>
    public double Length => FractionalMax - FractionalMin;
}

/// <summary>Receives the split fractions of one pixel.</summary>
internal interface ISplitSink
{
    void Add(int bin0, int bin1, float weight);
}

/// <summary>
/// pyFAI 0.21.3's bounding-box pixel splitting (<c>SplitBBoxIntegrator.calc_lut_1d</c> / <c>calc_lut_2d</c> in
/// <c>ext/splitBBox_common.pyx</c>), in double precision with float32 coefficients as pyFAI stores them.
/// </summary>
/// <remarks>
/// Rules reproduced:
/// <list type="bullet">
/// <item>A pixel's box is [c − d, c + d] on each axis; its edges become fractional bin numbers (x − lower)/width.</item>
/// <item>Bin indices are C casts, i.e. truncated toward zero, so a fractional edge in (−1, 0) lands in bin 0.</item>
/// <item>A pixel is dropped only if its last bin is &lt; 0 or its first bin ≥ bins; otherwise both ends are clipped
/// into [0, bins − 1] while the fractions keep using the unclipped edges. A box straddling a range edge therefore
/// keeps its whole weight (the outside part piles onto the edge bin), and a box lying entirely within one bin width
/// below the lower edge goes to bin 0 with weight 1.</item>
/// <item>Fractions: first bin (first + 1 − fmin)/(fmax − fmin), last bin (fmax − last)/(fmax − fmin), bins between
/// 1/(fmax − fmin); in 2-D the separable products, multiplied in pyFAI's order; each coefficient is rounded to
/// float32.</item>
/// </list>
/// </remarks>
internal static class BoundingBoxSplitting
{
    /// <summary>The clipped bin span of a box along one axis, or false when pyFAI drops the pixel.</summary>
    public static bool TryCover(double centre, double halfWidth, double lower, double width, int bins, out AxisCoverage coverage)
    {
        var fractionalMin = ((centre - halfWidth) - lower) / width;
        var fractionalMax = ((centre + halfWidth) - lower) / width;
        var first = (long)fractionalMin;
        var last = (long)fractionalMax;
        if (last < 0 || first >= bins)
        {
            coverage = default;
            return false;
        }

        coverage = new AxisCoverage(
            (int)Math.Max(first, 0),
            (int)Math.Min(last, bins - 1),
            fractionalMin,
            fractionalMax);
        return true;
    }

    /// <summary>Emits the 1-D split of one pixel along axis 0 (bin1 is always 0).</summary>
    public static void Split1D<TSink>(in AxisCoverage axis, ref TSink sink)
        where TSink : ISplitSink
    {
        if (axis.SingleBin)
        {
            sink.Add(axis.First, 0, 1.0f);
            return;
        }

        var inverseLength = 1.0 / axis.Length;
        sink.Add(axis.First, 0, (float)(inverseLength * axis.FirstPart));
        sink.Add(axis.Last, 0, (float)(inverseLength * axis.LastPart));
        for (var bin = axis.First + 1; bin < axis.Last; bin++)
        {
            sink.Add(bin, 0, (float)inverseLength);
        }
    }

    /// <summary>Emits the 2-D split of one pixel over (axis 0, axis 1) in pyFAI's cases and multiplication order.</summary>
    public static void Split2D<TSink>(in AxisCoverage axis0, in AxisCoverage axis1, ref TSink sink)
        where TSink : ISplitSink
    {
        if (axis0.SingleBin)
        {
            if (axis1.SingleBin)
            {
                sink.Add(axis0.First, axis1.First, 1.0f);
                return;
            }

            var inverse1 = 1.0 / axis1.Length;
            sink.Add(axis0.First, axis1.First, (float)(inverse1 * axis1.FirstPart));
            sink.Add(axis0.First, axis1.Last, (float)(inverse1 * axis1.LastPart));
            for (var j = axis1.First + 1; j < axis1.Last; j++)
            {
                sink.Add(axis0.First, j, (float)inverse1);
            }

            return;
        }

        if (axis1.SingleBin)
        {
            var inverse0 = 1.0 / axis0.Length;
            sink.Add(axis0.First, axis1.First, (float)(inverse0 * axis0.FirstPart));
            sink.Add(axis0.Last, axis1.First, (float)(inverse0 * axis0.LastPart));
            for (var i = axis0.First + 1; i < axis0.Last; i++)
            {
                sink.Add(i, axis1.First, (float)inverse0);
            }

            return;
        }

        var inverseArea = 1.0 / (axis0.Length * axis1.Length);
        double left = axis0.FirstPart, right = axis0.LastPart, down = axis1.FirstPart, up = axis1.LastPart;
        sink.Add(axis0.First, axis1.First, (float)(inverseArea * left * down));
        sink.Add(axis0.First, axis1.Last, (float)(inverseArea * left * up));
        sink.Add(axis0.Last, axis1.First, (float)(inverseArea * right * down));
        sink.Add(axis0.Last, axis1.Last, (float)(inverseArea * right * up));
        for (var i = axis0.First + 1; i < axis0.Last; i++)
        {
            sink.Add(i, axis1.First, (float)(inverseArea * down));
            for (var j = axis1.First + 1; j < axis1.Last; j++)
            {
                sink.Add(i, j, (float)inverseArea);
            }

            sink.Add(i, axis1.Last, (float)(inverseArea * up));
        }

        for (var j = axis1.First + 1; j < axis1.Last; j++)
        {
            sink.Add(axis0.First, j, (float)(inverseArea * left));
            sink.Add(axis0.Last, j, (float)(inverseArea * right));
        }
    }
}
