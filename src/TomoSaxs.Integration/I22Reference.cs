using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// The Diamond I22 set-up of the reference data set (integration note §1.3): a Pilatus 2M (1679 × 1475 pixels of
/// 172 µm) calibrated in DAWN at distance 9773.861 mm, beam centre x = 685.1 px, y = 949.1 px, λ = 0.08856015 nm,
/// no tilt. Used by benchmarks and by tests that need a full-size detector.
/// </summary>
public static class I22Reference
{
    /// <summary>Detector rows (dimension 1).</summary>
    public const int Rows = 1679;

    /// <summary>Detector columns (dimension 2).</summary>
    public const int Cols = 1475;

    /// <summary>The DAWN calibration numbers in pipeline units.</summary>
    public static DawnCalibration Calibration { get; } = new(
        DistanceUm: 9773.861e3,
        BeamCentreXPx: 685.1,
        BeamCentreYPx: 949.1,
        PixelXUm: 172.0,
        PixelYUm: 172.0,
        WavelengthNm: 0.08856015);

    /// <summary>The calibration as a PONI geometry (poni1 = 0.1632452 m, poni2 = 0.1178372 m).</summary>
    public static PoniGeometry Geometry => Calibration.ToPoni();

    /// <summary>
    /// The Integrate-stage operators for the full Pilatus 2M: band-difference I(χ) with <paramref name="chiBins"/>
    /// bins over the analysed half plus I(q) with <paramref name="qBins"/> bins, for the given mask (all pixels
    /// valid when null).
    /// </summary>
    /// <param name="mask">Detector mask (1679 × 1475), or null for none.</param>
    /// <param name="chiBins">χ bins over [90°, 270°).</param>
    /// <param name="qBins">I(q) bins.</param>
    /// <param name="cache">Optional operator cache.</param>
    public static AnalysisOperators BuildPilatus2MOperators(
        DetectorMask? mask = null, int chiBins = 180, int qBins = 300, IntegrationOperatorCache? cache = null)
    {
        var spec = AnalysisSpec.ReferenceDefaults(qBins) with
        {
            Bands = BandDifferenceSpec.AroundPeak(chiBins: chiBins),
        };
        return new AnalysisOperators(Geometry, mask ?? DetectorMask.AllValid(Rows, Cols), spec, cache);
    }
}
