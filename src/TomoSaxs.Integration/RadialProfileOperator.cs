using System.Numerics;
using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// A precomputed 1-D azimuthal integration I(q), reproducing pyFAI 0.21.3 <c>integrate1d_ng</c> with the solid-angle
/// correction, a mask and the CSR ("bbox") or histogram ("no") engine.
/// </summary>
/// <remarks>
/// Rules reproduced: q bins as <see cref="BinAxis"/>; bounding-box splitting as <c>calc_lut_1d</c> (see
/// <see cref="BoundingBoxSplitting"/>); with an azimuth range, a split pixel counts when its χ box
/// [χ − Δχ, χ + Δχ] overlaps [χ0, χ1] (the requested end, not widened), and a non-split pixel when its centre
/// χ lies in [χ0, χ1]; the histogram drops nothing between −1 and 0 bin widths below the lower edge (truncation).
/// </remarks>
public sealed class RadialProfileOperator
{
    internal RadialProfileOperator(RadialProfileSpec spec, BinAxis radial, CsrOperator matrix)
    {
        Spec = spec;
        Radial = radial;
        Matrix = matrix;
        QCentresNm = radial.Centres();
    }

    /// <summary>What was integrated.</summary>
    public RadialProfileSpec Spec { get; }

    /// <summary>The q bins (nm⁻¹).</summary>
    public BinAxis Radial { get; }

    /// <summary>Bin centres, nm⁻¹ (pyFAI's <c>radial</c>).</summary>
    public IReadOnlyList<double> QCentresNm { get; }

    /// <summary>The sparse operator (one row per q bin).</summary>
    public CsrOperator Matrix { get; }

    /// <summary>I(q) of one full frame; empty bins are 0 like pyFAI's default.</summary>
    /// <typeparam name="T">Frame element type.</typeparam>
    /// <param name="frame">Frame [rows, cols], row-major.</param>
    public double[] Integrate<T>(ReadOnlySpan<T> frame)
        where T : unmanaged, INumberBase<T> => Matrix.Integrate(frame);

    /// <summary>Builds the operator for a detector geometry and mask.</summary>
    /// <param name="map">Per-pixel geometry.</param>
    /// <param name="mask">Excluded pixels (same shape as the map).</param>
    /// <param name="spec">Binning and options.</param>
    public static RadialProfileOperator Build(PixelMap map, DetectorMask mask, RadialProfileSpec spec)
    {
        IntegrationAxes.CheckShapes(map, mask);
        ArgumentNullException.ThrowIfNull(spec);
        var axis = IntegrationAxes.Radial(map, mask, spec.Splitting, spec.QRangeNm, spec.Bins);
        (double Lower, double Upper)? azimuthRange = spec.AzimuthRangeDeg is { } range
            ? PyFaiRules.AzimuthRangeRadians(range, IntegrationAxes.DiscontinuityAtPi(spec.Convention))
            : null;
        var matrix = spec.Splitting == PixelSplitting.BoundingBox
            ? BuildBoundingBox(map, mask, spec.Convention, axis, azimuthRange)
            : BuildHistogram(map, mask, spec.Convention, axis, azimuthRange);
        return new RadialProfileOperator(spec, axis, matrix);
    }

    private static CsrOperator BuildBoundingBox(
        PixelMap map, DetectorMask mask, AzimuthConvention convention, BinAxis axis, (double Lower, double Upper)? azimuthRange)
    {
        var assembler = new CsrAssembler(axis.Bins, map);
        var q = map.QNm;
        var deltaQ = map.DeltaQNm;
        var chi = map.ChiRad(convention);
        var deltaChi = map.DeltaChiRad;
        var excluded = mask.Excluded;
        double lower = axis.Lower, width = axis.Width;
        var checkAzimuth = azimuthRange is not null;
        var (chiLower, chiUpper) = azimuthRange ?? (0.0, 0.0);
        var sink = new OneDimensionalSink(assembler);
        for (var pixel = 0; pixel < q.Length; pixel++)
        {
            if (excluded[pixel])
            {
                continue;
            }

            // calc_lut_1d: the χ box must overlap [pos1_min, pos1_maxin].
            if (checkAzimuth && (chi[pixel] + deltaChi[pixel] < chiLower || chi[pixel] - deltaChi[pixel] > chiUpper))
            {
                continue;
            }

            if (!BoundingBoxSplitting.TryCover(q[pixel], deltaQ[pixel], lower, width, axis.Bins, out var coverage))
            {
                continue;
            }

            sink.Pixel = pixel;
            BoundingBoxSplitting.Split1D(coverage, ref sink);
        }

        return assembler.Build();
    }

    private static CsrOperator BuildHistogram(
        PixelMap map, DetectorMask mask, AzimuthConvention convention, BinAxis axis, (double Lower, double Upper)? azimuthRange)
    {
        var assembler = new CsrAssembler(axis.Bins, map);
        var q = map.QNm;
        var chi = map.ChiRad(convention);
        var excluded = mask.Excluded;
        double lower = axis.Lower, width = axis.Width;
        var checkAzimuth = azimuthRange is not null;
        var (chiLower, chiUpper) = azimuthRange ?? (0.0, 0.0);
        for (var pixel = 0; pixel < q.Length; pixel++)
        {
            // integrate1d_ng masks pixels whose centre χ is outside [χ0, χ1] before histogramming.
            if (excluded[pixel] || (checkAzimuth && (chi[pixel] > chiUpper || chi[pixel] < chiLower)))
            {
                continue;
            }

            if (HistogramBinning.TryBinTruncated(q[pixel], lower, width, axis.Bins, out var bin))
            {
                assembler.Add(bin, pixel, 1.0);
            }
        }

        return assembler.Build();
    }

    private struct OneDimensionalSink(CsrAssembler assembler) : ISplitSink
    {
        public int Pixel;

        public readonly void Add(int bin0, int bin1, float weight) => assembler.Add(bin0, Pixel, weight);
    }
}
