using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// Chooses the radial (q) and azimuthal (χ) bin axes of an integration the way pyFAI 0.21.3 does when a range is not
/// given (it depends on the splitting: bounding-box engines take the pixel boxes of unmasked pixels, histogram
/// engines the centres of all pixels), and converts requested χ ranges from degrees.
/// </summary>
internal static class IntegrationAxes
{
    /// <summary>True when the convention's χ discontinuity is at π (pyFAI), false when at 0 (pipeline).</summary>
    public static bool DiscontinuityAtPi(AzimuthConvention convention) => convention == AzimuthConvention.PyFai;

    /// <summary>The radial axis for a splitting mode (see the two specific rules).</summary>
    public static BinAxis Radial(PixelMap map, DetectorMask mask, PixelSplitting splitting, ValueRange? rangeNm, int bins) =>
        splitting == PixelSplitting.BoundingBox
            ? RadialForBoundingBox(map, mask, rangeNm, bins)
            : RadialForHistogram(map, rangeNm, bins);

    /// <summary>The azimuthal axis for a splitting mode (see the two specific rules).</summary>
    public static BinAxis Azimuthal(
        PixelMap map, DetectorMask mask, AzimuthConvention convention, PixelSplitting splitting, ValueRange? rangeDeg, int bins) =>
        splitting == PixelSplitting.BoundingBox
            ? AzimuthalForBoundingBox(map, mask, convention, rangeDeg, bins)
            : AzimuthalForHistogram(map, convention, rangeDeg, bins);

    /// <summary>
    /// Bounding-box radial axis: the requested q range, or [min(q − Δq), max(q + Δq)] over unmasked pixels, both
    /// clamped to ≥ 0 (pyFAI forbids negative radial positions by default).
    /// </summary>
    public static BinAxis RadialForBoundingBox(PixelMap map, DetectorMask mask, ValueRange? rangeNm, int bins)
    {
        if (rangeNm is { } range)
        {
            return Requested(range, bins);
        }

        var (lower, upper) = BoxExtent(map.QNm, map.DeltaQNm, mask);
        return new BinAxis(Math.Max(0.0, lower), Math.Max(0.0, upper), Math.Max(bins, 1));
    }

    /// <summary>
    /// No-splitting radial axis (<c>histogram1d_engine</c>, <c>histogram2d_engine</c>): the requested range, or the
    /// min and max q centre over all pixels, masked ones included (the mask only zeroes the preprocessed weights).
    /// </summary>
    public static BinAxis RadialForHistogram(PixelMap map, ValueRange? rangeNm, int bins)
    {
        if (rangeNm is { } range)
        {
            return Requested(range, bins);
        }

        var (lower, upper) = CentreExtent(map.QNm);
        return new BinAxis(lower, upper, Math.Max(bins, 1));
    }

    /// <summary>
    /// Bounding-box azimuthal axis (<c>integrate2d_ng</c>, <c>HistoBBox2d</c> with clip_pos1): the requested range
    /// through pyFAI's degree conversion, or [min(χ − Δχ), max(χ + Δχ)] over unmasked pixels clipped to [−π, π]
    /// (pyFAI) or [0, 2π] (pipeline) with π rounded to float32 as pyFAI's <c>pi</c> is.
    /// </summary>
    public static BinAxis AzimuthalForBoundingBox(PixelMap map, DetectorMask mask, AzimuthConvention convention, ValueRange? rangeDeg, int bins)
    {
        var discontinuityAtPi = DiscontinuityAtPi(convention);
        if (rangeDeg is { } range)
        {
            return RequestedAzimuth(range, discontinuityAtPi, bins);
        }

        var (min, max) = BoxExtent(map.ChiRad(convention), map.DeltaChiRad, mask);
        var clipLow = discontinuityAtPi ? -PyFaiRules.PiFloat32 : 0.0;
        var clipHigh = discontinuityAtPi ? PyFaiRules.PiFloat32 : (double)(2.0f * (float)Math.PI);
        return new BinAxis(Math.Max(min, clipLow), Math.Min(max, clipHigh), Math.Max(bins, 1));
    }

    /// <summary>
    /// No-splitting azimuthal axis (<c>histogram2d_engine</c> called by <c>integrate2d_ng</c>): the requested range
    /// through pyFAI's degree conversion, or the min and max χ centre over all pixels, masked ones included, with no
    /// clipping (centres already lie in the convention's 2π interval).
    /// </summary>
    public static BinAxis AzimuthalForHistogram(PixelMap map, AzimuthConvention convention, ValueRange? rangeDeg, int bins)
    {
        if (rangeDeg is { } range)
        {
            return RequestedAzimuth(range, DiscontinuityAtPi(convention), bins);
        }

        var (lower, upper) = CentreExtent(map.ChiRad(convention));
        return new BinAxis(lower, upper, Math.Max(bins, 1));
    }

    public static void CheckShapes(PixelMap map, DetectorMask mask)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(mask);
        if (map.Rows != mask.Rows || map.Cols != mask.Cols)
        {
            throw new ArgumentException($"The mask is {mask.Rows}×{mask.Cols}, the detector {map.Rows}×{map.Cols}.", nameof(mask));
        }
    }

    /// <summary>pyFAI takes min(range) and max(range) of a requested radial range.</summary>
    private static BinAxis Requested(ValueRange range, int bins) =>
        new(Math.Min(range.Lower, range.Upper), Math.Max(range.Lower, range.Upper), Math.Max(bins, 1));

    private static BinAxis RequestedAzimuth(ValueRange range, bool discontinuityAtPi, int bins)
    {
        var (lower, upper) = PyFaiRules.AzimuthRangeRadians(range, discontinuityAtPi);
        return new BinAxis(lower, upper, Math.Max(bins, 1));
    }

    /// <summary>[min(c), max(c)] over all pixels.</summary>
    private static (double Lower, double Upper) CentreExtent(ReadOnlySpan<double> centre)
    {
        double lower = centre[0], upper = centre[0];
        foreach (var value in centre)
        {
            lower = Math.Min(lower, value);
            upper = Math.Max(upper, value);
        }

        return (lower, upper);
    }

    /// <summary>[min(c − d), max(c + d)] over unmasked pixels (pyFAI computes it in double).</summary>
    private static (double Lower, double Upper) BoxExtent(ReadOnlySpan<double> centre, ReadOnlySpan<double> halfWidth, DetectorMask mask)
    {
        double lower = double.PositiveInfinity, upper = double.NegativeInfinity;
        var excluded = mask.Excluded;
        for (var i = 0; i < centre.Length; i++)
        {
            if (excluded[i])
            {
                continue;
            }

            upper = Math.Max(upper, centre[i] + halfWidth[i]);
            lower = Math.Min(lower, centre[i] - halfWidth[i]);
        }

        if (double.IsInfinity(lower))
        {
            throw new ArgumentException("Every pixel is masked; there is no range to integrate over.", nameof(mask));
        }

        return (lower, upper);
    }
}
