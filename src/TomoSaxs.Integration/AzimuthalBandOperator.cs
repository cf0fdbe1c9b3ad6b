using System.Numerics;
using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// The coverage-weighted mean intensity in a q band per χ bin, reproducing pyFAI 0.21.3
/// <c>integrate_radial(…, unit="chi_deg", radial_unit="q_nm^-1")</c> with <c>method="csr"</c> (bounding-box
/// splitting) or <c>method=("no", "histogram", "cython")</c> (no splitting).
/// </summary>
/// <remarks>
/// pyFAI runs <c>integrate2d_ng</c> over npt_rad q bins × npt χ bins and then, per χ bin, divides the signal summed
/// over the radial bins by the normalisation summed over them (not a mean of per-bin means); a χ bin whose count
/// sum is 0 reads 0. This operator folds the 2-D coefficients over q at build time: each (pixel, χ bin) weight is the
/// sum of pyFAI's float32 coefficients over the radial bins, so one sparse row per χ bin gives the same
/// Σc·x / Σc·Ω. The radial binning therefore drops out except through its edge rules: with bounding-box splitting a
/// pixel whose q box lies within one radial bin width below the band still lands in the first radial bin; without
/// splitting a pixel counts (weight 1) when its centre q lies in [band lower, band upper·(1 + 2⁻²³)), and its χ bin
/// is floor((χ − χ0)/Δχ) (<c>histogram2d_engine</c>).
/// </remarks>
public sealed class AzimuthalBandOperator
{
    private const double DegreesPerRadian = 180.0 / Math.PI;

    internal AzimuthalBandOperator(AzimuthalBandSpec spec, BinAxis radial, BinAxis azimuthal, CsrOperator matrix)
    {
        Spec = spec;
        Radial = radial;
        Azimuthal = azimuthal;
        Matrix = matrix;
        // integrate2d_ng returns bins_azim * (180 / pi); integrate_radial scales by chi_deg / chi_deg = 1.
        ChiCentresDeg = azimuthal.Centres().Select(c => c * DegreesPerRadian).ToArray();
    }

    /// <summary>What was integrated.</summary>
    public AzimuthalBandSpec Spec { get; }

    /// <summary>The radial bins inside the band (nm⁻¹).</summary>
    public BinAxis Radial { get; }

    /// <summary>The χ bins (radians in <see cref="AzimuthalBandSpec.Convention"/>).</summary>
    public BinAxis Azimuthal { get; }

    /// <summary>χ bin centres, degrees.</summary>
    public IReadOnlyList<double> ChiCentresDeg { get; }

    /// <summary>The sparse operator, one row per χ bin.</summary>
    public CsrOperator Matrix { get; }

    /// <summary>I(χ) of one full frame; empty bins are 0.</summary>
    /// <typeparam name="T">Frame element type.</typeparam>
    /// <param name="frame">Frame [rows, cols], row-major.</param>
    public double[] Integrate<T>(ReadOnlySpan<T> frame)
        where T : unmanaged, INumberBase<T> => Matrix.Integrate(frame);

    /// <summary>Builds the operator for a detector geometry and mask.</summary>
    /// <param name="map">Per-pixel geometry.</param>
    /// <param name="mask">Excluded pixels.</param>
    /// <param name="spec">Band, binning and range.</param>
    public static AzimuthalBandOperator Build(PixelMap map, DetectorMask mask, AzimuthalBandSpec spec)
    {
        IntegrationAxes.CheckShapes(map, mask);
        ArgumentNullException.ThrowIfNull(spec);
        var radial = IntegrationAxes.Radial(map, mask, spec.Splitting, spec.QBandNm, spec.RadialBins);
        var azimuthal = IntegrationAxes.Azimuthal(map, mask, spec.Convention, spec.Splitting, spec.AzimuthRangeDeg, spec.AzimuthBins);
        var matrix = TwoDimensionalBinning.Build(map, mask, spec.Convention, spec.Splitting, radial, azimuthal,
            azimuthal.Bins, (_, chi) => chi);
        return new AzimuthalBandOperator(spec, radial, azimuthal, matrix);
    }
}
