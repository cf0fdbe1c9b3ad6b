using System.Numerics;
using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>One frame's band-difference I(χ) and the band means it is made of.</summary>
/// <param name="Difference">P(j) − ½·(Lᵢ(j) + Lₒ(j)) per χ bin.</param>
/// <param name="Peak">Peak-band mean intensity per χ bin (0 where empty).</param>
/// <param name="Inner">Inner background-band mean per χ bin (0 where empty).</param>
/// <param name="Outer">Outer background-band mean per χ bin (0 where empty).</param>
public sealed record BandDifferenceResult(double[] Difference, double[] Peak, double[] Inner, double[] Outer);

/// <summary>
/// The pipeline's band-difference I(χ) (clean mode): three <see cref="AzimuthalBandOperator"/>s in the pipeline χ
/// convention stacked into one sparse operator, so a frame is read once. Bin j covers pipeline χ
/// [χ0 + j·Δ, χ0 + (j + 1)·Δ) (with pyFAI's float32-epsilon widening of the last edge); by default χ0 = 90°,
/// Δ ≈ 1°, and bin j is the reference method's <c>ichi[j]</c>. An empty band bin reads 0, as in the reference.
/// Thread-safe.
/// </summary>
public sealed class BandDifferenceOperator
{
    private readonly int _bins;

    internal BandDifferenceOperator(BandDifferenceSpec spec, AzimuthalBandOperator peak, AzimuthalBandOperator inner, AzimuthalBandOperator outer)
    {
        Spec = spec;
        Peak = peak;
        Inner = inner;
        Outer = outer;
        _bins = peak.Matrix.RowCount;
        Matrix = CsrOperator.Stack([peak.Matrix, inner.Matrix, outer.Matrix]);
    }

    /// <summary>What was integrated.</summary>
    public BandDifferenceSpec Spec { get; }

    /// <summary>The peak-band operator.</summary>
    public AzimuthalBandOperator Peak { get; }

    /// <summary>The inner background-band operator.</summary>
    public AzimuthalBandOperator Inner { get; }

    /// <summary>The outer background-band operator.</summary>
    public AzimuthalBandOperator Outer { get; }

    /// <summary>Peak, inner and outer rows stacked (3 × ChiBins rows).</summary>
    public CsrOperator Matrix { get; }

    /// <summary>Pipeline χ bin centres, degrees.</summary>
    public IReadOnlyList<double> ChiCentresDeg => Peak.ChiCentresDeg;

    /// <summary>Builds the three band operators for a geometry and mask.</summary>
    /// <param name="map">Per-pixel geometry.</param>
    /// <param name="mask">Excluded pixels.</param>
    /// <param name="spec">Bands and χ binning.</param>
    public static BandDifferenceOperator Build(PixelMap map, DetectorMask mask, BandDifferenceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new BandDifferenceOperator(
            spec,
            AzimuthalBandOperator.Build(map, mask, spec.BandSpec(spec.PeakBandNm)),
            AzimuthalBandOperator.Build(map, mask, spec.BandSpec(spec.InnerBandNm)),
            AzimuthalBandOperator.Build(map, mask, spec.BandSpec(spec.OuterBandNm)));
    }

    /// <summary>The band-difference I(χ) of one full frame.</summary>
    /// <typeparam name="T">Frame element type.</typeparam>
    /// <param name="frame">Frame [rows, cols], row-major.</param>
    public BandDifferenceResult Integrate<T>(ReadOnlySpan<T> frame)
        where T : unmanaged, INumberBase<T> => Combine(Matrix.Integrate(frame));

    /// <summary>
    /// The band-difference I(χ) from a sub-image (e.g. the hyperslab of <see cref="CsrOperator.PixelBox"/>), using an
    /// operator prepared once with <c>Matrix.ForWindow(window)</c>.
    /// </summary>
    /// <typeparam name="T">Frame element type.</typeparam>
    /// <param name="windowMatrix">The stacked operator re-indexed for the window.</param>
    /// <param name="window">The window's pixels, row-major.</param>
    public BandDifferenceResult Integrate<T>(CsrOperator windowMatrix, ReadOnlySpan<T> window)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(windowMatrix);
        if (windowMatrix.RowCount != Matrix.RowCount)
        {
            throw new ArgumentException("The window operator was not made from this band operator.", nameof(windowMatrix));
        }

        return Combine(windowMatrix.Integrate(window));
    }

    /// <summary>Integrates many frames in parallel; results are bit-identical to a serial loop.</summary>
    /// <typeparam name="T">Frame element type.</typeparam>
    /// <param name="frames">Full frames.</param>
    /// <param name="maxDegreeOfParallelism">Worker limit; null for the runtime default.</param>
    public BandDifferenceResult[] IntegrateMany<T>(IReadOnlyList<T[]> frames, int? maxDegreeOfParallelism = null)
        where T : unmanaged, INumberBase<T> =>
        Matrix.IntegrateMany(frames, maxDegreeOfParallelism).Select(Combine).ToArray();

    private BandDifferenceResult Combine(double[] stacked)
    {
        var peak = stacked.AsSpan(0, _bins).ToArray();
        var inner = stacked.AsSpan(_bins, _bins).ToArray();
        var outer = stacked.AsSpan(2 * _bins, _bins).ToArray();
        var difference = new double[_bins];
        for (var j = 0; j < _bins; j++)
        {
            difference[j] = peak[j] - 0.5 * (inner[j] + outer[j]);
        }

        return new BandDifferenceResult(difference, peak, inner, outer);
    }
}
