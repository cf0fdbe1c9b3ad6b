using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// What the Integrate stage computes per frame: the band-difference I(χ) over the analysed half and an I(q) over
/// the same half (pipeline χ [90°, 270°)), both with the pixel splitting of <see cref="BandDifferenceSpec.Splitting"/>.
/// </summary>
/// <param name="Bands">Bands, χ binning and pixel splitting of the band-difference I(χ).</param>
/// <param name="QBins">Number of I(q) bins.</param>
/// <param name="QRangeNm">I(q) range, nm⁻¹.</param>
public sealed record AnalysisSpec(BandDifferenceSpec Bands, int QBins, ValueRange QRangeNm)
{
    /// <summary>
    /// The reference method's choices in clean mode: narrow bands around q0 = 0.282179 nm⁻¹ (peak ±0.01, background
    /// bands 0.005 wide), 180 χ bins over [90°, 270°), and I(q) over the wide window [q0 − 0.025, q0 + 0.025].
    /// </summary>
    /// <param name="qBins">I(q) bins (the reference stores 30; the benchmark uses 300).</param>
    /// <param name="splitting">Pixel splitting of every integration (the reference uses bounding-box splitting).</param>
    public static AnalysisSpec ReferenceDefaults(int qBins = 300, PixelSplitting splitting = PixelSplitting.BoundingBox) =>
        new(BandDifferenceSpec.AroundPeak(splitting: splitting), qBins, new ValueRange(0.257179, 0.307179));

    /// <summary>The I(q) specification over the analysed half, with the bands' pixel splitting.</summary>
    public RadialProfileSpec RadialSpec =>
        new(QBins, Bands.Splitting, QRangeNm, Bands.EffectiveChiRangeDeg, AzimuthConvention.Pipeline);
}
