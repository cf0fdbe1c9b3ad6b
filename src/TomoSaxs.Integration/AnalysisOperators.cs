using System.Numerics;
using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>One frame's I(χ) band difference and I(q).</summary>
/// <param name="AzimuthalProfile">Band-difference I(χ) and its band means.</param>
/// <param name="RadialProfile">I(q) over the analysed half.</param>
public sealed record AnalysisResult(BandDifferenceResult AzimuthalProfile, double[] RadialProfile);

/// <summary>
/// The per-frame operators of the Integrate stage, built once per (geometry, mask, settings) and applied to many
/// frames. <see cref="Window"/> is the detector rectangle holding every pixel they read, so a reader can load only
/// that hyperslab and call <see cref="IntegrateWindow{T}"/>. Thread-safe.
/// </summary>
public sealed class AnalysisOperators
{
    private readonly CsrOperator _bandWindowMatrix;
    private readonly CsrOperator _radialWindowMatrix;

    /// <summary>Builds (or takes from <paramref name="cache"/>) the operators.</summary>
    /// <param name="geometry">Detector geometry.</param>
    /// <param name="mask">Excluded pixels; its shape is the detector shape.</param>
    /// <param name="spec">Bands and I(q) binning.</param>
    /// <param name="cache">Operator cache; null builds without caching.</param>
    public AnalysisOperators(PoniGeometry geometry, DetectorMask mask, AnalysisSpec spec, IntegrationOperatorCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        if (cache is null)
        {
            var map = PixelMap.Create(geometry, mask.Rows, mask.Cols);
            Bands = BandDifferenceOperator.Build(map, mask, spec.Bands);
            Radial = RadialProfileOperator.Build(map, mask, spec.RadialSpec);
        }
        else
        {
            Bands = cache.BandDifference(geometry, mask, spec.Bands);
            Radial = cache.RadialProfile(geometry, mask, spec.RadialSpec);
        }

        Window = Union(Bands.Matrix.PixelBox, Radial.Matrix.PixelBox);
        _bandWindowMatrix = Bands.Matrix.ForWindow(Window);
        _radialWindowMatrix = Radial.Matrix.ForWindow(Window);
    }

    /// <summary>The settings.</summary>
    public AnalysisSpec Spec { get; }

    /// <summary>The band-difference I(χ) operator.</summary>
    public BandDifferenceOperator Bands { get; }

    /// <summary>The I(q) operator.</summary>
    public RadialProfileOperator Radial { get; }

    /// <summary>The smallest detector rectangle containing every pixel either operator reads.</summary>
    public DetectorWindow Window { get; }

    /// <summary>Integrates a full frame [rows, cols].</summary>
    /// <typeparam name="T">Frame element type.</typeparam>
    /// <param name="frame">Full frame, row-major.</param>
    public AnalysisResult Integrate<T>(ReadOnlySpan<T> frame)
        where T : unmanaged, INumberBase<T> =>
        new(Bands.Integrate(frame), Radial.Integrate(frame));

    /// <summary>Integrates the pixels of <see cref="Window"/> only (a hyperslab read from the frame), row-major.</summary>
    /// <typeparam name="T">Frame element type.</typeparam>
    /// <param name="window">The frame's <see cref="Window"/> pixels.</param>
    public AnalysisResult IntegrateWindow<T>(ReadOnlySpan<T> window)
        where T : unmanaged, INumberBase<T> =>
        new(Bands.Integrate(_bandWindowMatrix, window), _radialWindowMatrix.Integrate(window));

    private static DetectorWindow Union(DetectorWindow a, DetectorWindow b)
    {
        if (a.IsEmpty)
        {
            return b;
        }

        if (b.IsEmpty)
        {
            return a;
        }

        var rowStart = Math.Min(a.RowStart, b.RowStart);
        var colStart = Math.Min(a.ColStart, b.ColStart);
        return new DetectorWindow(
            rowStart, Math.Max(a.RowEnd, b.RowEnd) - rowStart,
            colStart, Math.Max(a.ColEnd, b.ColEnd) - colStart);
    }
}
