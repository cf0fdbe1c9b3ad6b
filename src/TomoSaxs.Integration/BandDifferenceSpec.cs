using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// The pipeline's band-difference I(χ) (integration note §0, §4): per χ bin, the mean intensity of a peak band
/// minus the mean of the mean intensities of two flanking background bands, on the pipeline azimuth χ = (−χ_pyFAI)
/// mod 360° over the analysed half [90°, 270°) by default.
/// </summary>
/// <param name="PeakBandNm">Peak band [q0 − w, q0 + w], nm⁻¹.</param>
/// <param name="InnerBandNm">Inner (lower-q) background band, nm⁻¹.</param>
/// <param name="OuterBandNm">Outer (higher-q) background band, nm⁻¹.</param>
/// <param name="ChiBins">Number of χ bins over <paramref name="ChiRangeDeg"/>.</param>
/// <param name="ChiRangeDeg">Pipeline χ range, degrees.</param>
/// <param name="RadialBins">Radial bins inside each band (pyFAI's npt_rad; matters only at band edges, and only with
/// bounding-box splitting).</param>
/// <param name="Splitting">Bounding-box splitting (pyFAI ("bbox", "csr"), the default) or none (pyFAI ("no",
/// "histogram")) for all three bands.</param>
public sealed record BandDifferenceSpec(
    ValueRange PeakBandNm,
    ValueRange InnerBandNm,
    ValueRange OuterBandNm,
    int ChiBins = 180,
    ValueRange? ChiRangeDeg = null,
    int RadialBins = 30,
    PixelSplitting Splitting = PixelSplitting.BoundingBox)
{
    /// <summary>The analysed half of the detector in pipeline χ: [90°, 270°).</summary>
    public static readonly ValueRange AnalysedHalfDeg = new(90.0, 270.0);

    /// <summary>The χ range actually used (<see cref="AnalysedHalfDeg"/> when not given).</summary>
    public ValueRange EffectiveChiRangeDeg => ChiRangeDeg ?? AnalysedHalfDeg;

    /// <summary>
    /// Bands around a reflection: peak [q0 − halfWidth, q0 + halfWidth], inner [q0 − halfWidth − backgroundWidth,
    /// q0 − halfWidth], outer [q0 + halfWidth, q0 + halfWidth + backgroundWidth]. Defaults are the reference method's
    /// "narrow set" for the 3rd-order collagen meridional reflection (q0 = 6π/66.8 nm).
    /// </summary>
    /// <param name="q0Nm">Band centre, nm⁻¹.</param>
    /// <param name="halfWidthNm">Half-width of the peak band, nm⁻¹.</param>
    /// <param name="backgroundWidthNm">Width of each background band, nm⁻¹.</param>
    /// <param name="chiBins">χ bins over the analysed half.</param>
    /// <param name="radialBins">Radial bins inside each band.</param>
    /// <param name="splitting">Pixel splitting of the band integrations.</param>
    public static BandDifferenceSpec AroundPeak(
        double q0Nm = 0.282179, double halfWidthNm = 0.01, double backgroundWidthNm = 0.005,
        int chiBins = 180, int radialBins = 30, PixelSplitting splitting = PixelSplitting.BoundingBox) =>
        new(
            new ValueRange(q0Nm - halfWidthNm, q0Nm + halfWidthNm),
            new ValueRange(q0Nm - halfWidthNm - backgroundWidthNm, q0Nm - halfWidthNm),
            new ValueRange(q0Nm + halfWidthNm, q0Nm + halfWidthNm + backgroundWidthNm),
            chiBins,
            null,
            radialBins,
            splitting);

    /// <summary>The band operator specification for one band, in the pipeline convention.</summary>
    /// <param name="bandNm">The q band.</param>
    public AzimuthalBandSpec BandSpec(ValueRange bandNm) =>
        new(bandNm, ChiBins, EffectiveChiRangeDeg, RadialBins, AzimuthConvention.Pipeline, Splitting);
}
