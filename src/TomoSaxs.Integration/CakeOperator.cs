using System.Numerics;
using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// A precomputed 2-D integration (q × χ "cake"), reproducing pyFAI 0.21.3 <c>integrate2d_ng</c> with
/// <c>method=("bbox", "csr", "cython")</c> or, without pixel splitting, <c>("no", "histogram", "cython")</c>.
/// The result is laid out like pyFAI's: [χ bin, q bin].
/// </summary>
/// <remarks>
/// Without splitting each unmasked pixel goes whole into the bin of its (q, χ) centre, bin = floor((x − lower)/width)
/// on both axes (<c>histogram2d_engine</c>), so centres below a range's lower edge are dropped; default ranges are
/// the min and max centre over all pixels (see <see cref="IntegrationAxes"/>).
/// </remarks>
public sealed class CakeOperator
{
    private const double DegreesPerRadian = 180.0 / Math.PI;

    internal CakeOperator(CakeSpec spec, BinAxis radial, BinAxis azimuthal, CsrOperator matrix)
    {
        Spec = spec;
        Radial = radial;
        Azimuthal = azimuthal;
        Matrix = matrix;
        QCentresNm = radial.Centres();
        // integrate2d_ng: bins_azim * (180.0 / pi).
        ChiCentresDeg = azimuthal.Centres().Select(c => c * DegreesPerRadian).ToArray();
    }

    /// <summary>What was integrated.</summary>
    public CakeSpec Spec { get; }

    /// <summary>The q bins (nm⁻¹).</summary>
    public BinAxis Radial { get; }

    /// <summary>The χ bins (radians, in <see cref="CakeSpec.Convention"/>).</summary>
    public BinAxis Azimuthal { get; }

    /// <summary>q bin centres, nm⁻¹.</summary>
    public IReadOnlyList<double> QCentresNm { get; }

    /// <summary>χ bin centres, degrees.</summary>
    public IReadOnlyList<double> ChiCentresDeg { get; }

    /// <summary>The sparse operator; row = χ bin · RadialBins + q bin.</summary>
    public CsrOperator Matrix { get; }

    /// <summary>I(χ, q) of one full frame, flattened [χ bin, q bin] (row-major); empty bins are 0.</summary>
    /// <typeparam name="T">Frame element type.</typeparam>
    /// <param name="frame">Frame [rows, cols], row-major.</param>
    public double[] Integrate<T>(ReadOnlySpan<T> frame)
        where T : unmanaged, INumberBase<T> => Matrix.Integrate(frame);

    /// <summary>Builds the operator for a detector geometry and mask.</summary>
    /// <param name="map">Per-pixel geometry.</param>
    /// <param name="mask">Excluded pixels.</param>
    /// <param name="spec">Binning and ranges.</param>
    public static CakeOperator Build(PixelMap map, DetectorMask mask, CakeSpec spec)
    {
        IntegrationAxes.CheckShapes(map, mask);
        ArgumentNullException.ThrowIfNull(spec);
        var radial = IntegrationAxes.Radial(map, mask, spec.Splitting, spec.QRangeNm, spec.RadialBins);
        var azimuthal = IntegrationAxes.Azimuthal(map, mask, spec.Convention, spec.Splitting, spec.AzimuthRangeDeg, spec.AzimuthBins);
        var radialBins = radial.Bins;
        var matrix = TwoDimensionalBinning.Build(map, mask, spec.Convention, spec.Splitting, radial, azimuthal,
            radial.Bins * azimuthal.Bins, (q, chi) => chi * radialBins + q);
        return new CakeOperator(spec, radial, azimuthal, matrix);
    }
}
