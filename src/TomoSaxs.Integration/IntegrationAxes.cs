using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// Chooses the radial (q) and azimuthal (χ) bin axes of an integration the way pyFAI 0.21.3's
/// <c>calc_boundaries</c> does when a range is not given, and converts requested χ ranges from degrees.
/// </summary>
internal static class IntegrationAxes
{
    /// <summary>True when the convention's χ discontinuity is at π (pyFAI), false when at 0 (pipeline).</summary>
    public static bool DiscontinuityAtPi(AzimuthConvention convention) => convention == AzimuthConvention.PyFai;

    /// <summary>
    /// Bounding-box radial axis: the requested q range, or [min(q − Δq), max(q + Δq)] over unmasked pixels, both
    /// clamped to ≥ 0 (pyFAI forbids negative radial positions by default).
    /// </summary>
    public static BinAxis RadialForBoundingBox(PixelMap map, DetectorMask mask, ValueRange? rangeNm, int bins)
    {
        if (rangeNm is { } range)
        {
            return new BinAxis(Math.Min(range.Lower, range.Upper), Math.Max(range.Lower, range.Upper), Math.Max(bins, 1));
        }

        var (lower, upper) = DataExtent(map.QNm, map.DeltaQNm, mask);
        return new BinAxis(Math.Max(0.0, lower), Math.Max(0.0, upper), Math.Max(bins, 1));
    }

    /// <summary>
    /// No-splitting radial axis (<c>histogram1d_engine</c>): the requested range, or the min and max q over all
    /// pixels, masked ones included.
    /// </summary>
    public static BinAxis RadialForHistogram(PixelMap map, ValueRange? rangeNm, int bins)
    {
        if (rangeNm is { } range)
        {
            return new BinAxis(Math.Min(range.Lower, range.Upper), Math.Max(range.Lower, range.Upper), Math.Max(bins, 1));
        }

        var q = map.QNm;
        double lower = q[0], upper = q[0];
        foreach (var value in q)
        {
            lower = Math.Min(lower, value);
            upper = Math.Max(upper, value);
        }

        return new BinAxis(lower, upper, Math.Max(bins, 1));
    }

    /// <summary>
    /// Two-dimensional azimuthal axis (<c>integrate2d_ng</c>, <c>HistoBBox2d</c> with clip_pos1): the requested range
    /// through pyFAI's degree conversion, or [min(χ − Δχ), max(χ + Δχ)] over unmasked pixels clipped to
    /// [−π, π] (pyFAI) or [0, 2π] (pipeline) with π rounded to float32 as pyFAI's <c>pi</c> is.
    /// </summary>
    public static BinAxis Azimuthal(PixelMap map, DetectorMask mask, AzimuthConvention convention, ValueRange? rangeDeg, int bins)
    {
        var discontinuityAtPi = DiscontinuityAtPi(convention);
        if (rangeDeg is { } range)
        {
            var (lower, upper) = PyFaiRules.AzimuthRangeRadians(range, discontinuityAtPi);
            return new BinAxis(lower, upper, Math.Max(bins, 1));
        }

        var (min, max) = DataExtent(map.ChiRad(convention), map.DeltaChiRad, mask);
        var clipLow = discontinuityAtPi ? -PyFaiRules.PiFloat32 : 0.0;
        var clipHigh = discontinuityAtPi ? PyFaiRules.PiFloat32 : (double)(2.0f * (float)Math.PI);
        return new BinAxis(Math.Max(min, clipLow), Math.Min(max, clipHigh), Math.Max(bins, 1));
    }

    /// <summary>[min(c − d), max(c + d)] over unmasked pixels (pyFAI computes it in double).</summary>
    private static (double Lower, double Upper) DataExtent(ReadOnlySpan<double> centre, ReadOnlySpan<double> halfWidth, DetectorMask mask)
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

    public static void CheckShapes(PixelMap map, DetectorMask mask)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(mask);
        if (map.Rows != mask.Rows || map.Cols != mask.Cols)
        {
            throw new ArgumentException($"The mask is {mask.Rows}×{mask.Cols}, the detector {map.Rows}×{map.Cols}.", nameof(mask));
        }
    }
}
