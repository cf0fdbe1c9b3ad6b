using TomoSaxs.Correct.Chamber;
using TomoSaxs.Correct.Detector;
using TomoSaxs.Scan;

namespace TomoSaxs.Correct.Stage;

/// <summary>
/// Everything the Correct stage decides with, in typed form (from <see cref="CorrectParameters"/>, the scan's
/// geometry and Integrate's q range).
/// </summary>
/// <param name="Mode">What is subtracted.</param>
/// <param name="BackgroundType">How the background and buffer files are used.</param>
/// <param name="Chamber">The chamber and its inner chord.</param>
/// <param name="AlignByWalls">Match by offset from each scan's Kapton-wall centre (else by motor x).</param>
/// <param name="ExpectedWallSeparationUm">Distance between the wall peaks in the frame sums, µm.</param>
/// <param name="Outside">Policy for frames outside the chamber or with zero thickness.</param>
/// <param name="Detector">Detector corrections.</param>
/// <param name="QRangeNm">The q range to store (nm⁻¹), or null to store full frames.</param>
/// <param name="BoxMarginPx">Margin around the q box, pixels.</param>
/// <param name="AnalysedHalfOnly">Limit the q box to the analysed half χ ∈ [90°, 270°) (DESIGN §5).</param>
/// <param name="MaskedFill">The value masked pixels carry (NaN or 0).</param>
public sealed record CorrectSettings(
    CorrectionMode Mode,
    BackgroundType BackgroundType,
    ChamberGeometry Chamber,
    bool AlignByWalls,
    double ExpectedWallSeparationUm,
    OutsidePolicy Outside,
    DetectorCorrections Detector,
    (double Min, double Max)? QRangeNm,
    int BoxMarginPx,
    bool AnalysedHalfOnly,
    float MaskedFill)
{
    /// <summary>The settings of a scan definition's <c>correct:</c>, <c>integrate:</c> and <c>geometry:</c> values.</summary>
    public static CorrectSettings From(ScanDefinition scan)
    {
        var p = CorrectParameters.From(scan.Stages);
        var integrate = IntegrateParameters.From(scan.Stages);
        var g = scan.Geometry;
        var innerRadius = g.TubeOuterDiameterUm / 2 - g.TubeWallUm;
        var chamber = p.Chamber switch
        {
            "kapton_tube" => ChamberGeometry.Tube(g.TubeOuterDiameterUm, g.TubeWallUm),
            "kapton_cuboid" => new ChamberGeometry(ChamberKind.KaptonCuboid, innerRadius, p.CuboidPathUm.NumberOrNull ?? 2 * innerRadius),
            _ => new ChamberGeometry(ChamberKind.None, innerRadius, 0),
        };
        var reach = integrate.BandHalfWidthNm + integrate.BackgroundBandNm;
        return new CorrectSettings(
            p.Mode == "background" ? CorrectionMode.Background : CorrectionMode.BackgroundAndBuffer,
            p.BackgroundType switch { "single_frame" => BackgroundType.SingleFrame, "averaged" => BackgroundType.Averaged, _ => BackgroundType.LineScan },
            chamber,
            p.Alignment == "walls",
            g.TubeOuterDiameterUm - g.TubeWallUm,
            p.OutsidePolicy switch { "background_only" => OutsidePolicy.BackgroundOnly, "zero" => OutsidePolicy.Zero, _ => OutsidePolicy.Skip },
            new DetectorCorrections(p.DeadTime, p.DeadTimePulseS, p.DeadTimeArrivalS, p.SelfAbsorption, p.SensorEfficiency,
                p.SensorMuTimesThickness, p.SolidAngle, p.Polarisation, p.PolarisationFraction),
            p.Store == "full" ? null : (Math.Max(0, integrate.Q0Nm - reach), integrate.Q0Nm + reach),
            p.BoxMarginPx,
            p.Store == "q_box_half",
            p.MaskedFill == "zero" ? 0f : float.NaN);
    }
}
