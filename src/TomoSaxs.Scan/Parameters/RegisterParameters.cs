using System.Globalization;

namespace TomoSaxs.Scan;

/// <summary>
/// Parameters of the Register stage (CT ↔ tomoSAXS registration, registration note §5 and §11). Every automatic
/// step can be pinned by a number in scan.yaml (<c>stages: register:</c>) or with <c>--set register.x=…</c>. The
/// tube's size and the rotation sign come from <c>geometry:</c>.
/// </summary>
/// <param name="VerticalOffsetUm">Motor y (µm) level with the calibrated CT's top edge: "auto" finds it by matching
/// the coarse WAXS map to the inverted CT map (registration note §9, replacing the clicked landmark); a number pins it.</param>
/// <param name="VerticalSense">+1 when a larger motor y is lower in the sample (further down the CT stack, as at
/// I22; the default), −1 when it is higher; "auto" tries both and keeps the better WAXS ↔ CT correlation (a
/// sample symmetric about its middle height may fit both nearly as well, so auto is not the default).</param>
/// <param name="MapAngleDeg">θ_map: the rotation angle at which the WAXS map was taken and to which the CT's
/// orientation corresponds (CT rows along the beam, columns along the raster), degrees.</param>
/// <param name="BeamFwhmUm">The beam's FWHM across the raster, µm; "auto" = one raster step (the reference).</param>
/// <param name="BeamHeightUm">The height of CT each SAXS slice sees, µm; "auto" = one slice step (the reference).</param>
/// <param name="AlongBeamStepUm">Length of an along-beam voxel, µm; "auto" = one raster step.</param>
/// <param name="AlongBeamWindowUm">Along-beam extent divided into voxels, centred on the tube axis, µm; "auto" =
/// the tube's outer diameter.</param>
/// <param name="TubeCentresUm">The tube centre's motor x at each angle, µm: "auto" finds it from the Kapton walls
/// in the frame sums; otherwise one number per angle in file order, separated by commas (used at every slice).</param>
/// <param name="TubeCentreFit">How the per-slice wall centres become the centre used for each angle and slice:
/// "rotation" (one fit over all angles and slices of a straight tube axis turning about the rotation axis), "line"
/// (per angle, a straight, possibly tilted tube: least-squares line over the slices' heights), "per_slice" (each
/// slice's own walls), or "pooled" (per angle, all slices summed, one centre: the reference's vertical tube).</param>
/// <param name="WallProfileFwhmUm">The FWHM of the blur in the Kapton wall profile model, µm; "auto" = the beam FWHM
/// (the Kapton and buffer chords averaged over the Gaussian beam); 0 = the chords along the beam's centre line (a
/// pencil beam, as the phantom computes its bulk scattering).</param>
/// <param name="WallPeakFraction">A Kapton wall peak must rise above the profile's median by this fraction of its
/// range.</param>
/// <param name="MinBeamWeight">A fibre whose summed beam weight in a path is below this is left out of that path,
/// fibre voxels (the phantom's <c>min_beam_weight</c> semantics).</param>
/// <param name="ReachSigmas">A fibre voxel adds Gaussian weight to every path within this many σ of it.</param>
/// <param name="AlongBeamResolved">Whether crossings are split by along-beam voxel (true) or summed per path.</param>
public sealed record RegisterParameters(
    AutoOrNumber VerticalOffsetUm,
    AutoOrNumber VerticalSense,
    double MapAngleDeg,
    AutoOrNumber BeamFwhmUm,
    AutoOrNumber BeamHeightUm,
    AutoOrNumber AlongBeamStepUm,
    AutoOrNumber AlongBeamWindowUm,
    IReadOnlyList<double>? TubeCentresUm,
    string TubeCentreFit,
    AutoOrNumber WallProfileFwhmUm,
    double WallPeakFraction,
    double MinBeamWeight,
    double ReachSigmas,
    bool AlongBeamResolved)
{
    /// <summary>The stage name under <c>stages:</c> and in <c>--set register.…</c>.</summary>
    public const string StageName = "register";

    /// <summary>The key of <see cref="QcFigures"/>.</summary>
    public const string QcFiguresKey = "qc_figures";

    /// <summary>Whether the stage writes its QC figures (PNG) to <c>register/qc/</c> (docs/register.md); they are
    /// not build outputs. Default true.</summary>
    public bool QcFigures { get; init; } = true;

    /// <summary>The key of <see cref="FibreModel"/>.</summary>
    public const string FibreModelKey = "fibre_model";

    /// <summary>How the traced fibres carry beam weight: "cylinder" (default) fits a straight cylinder to each fibre's
    /// traced voxels and integrates the beam over it between the slab's exact top and bottom (fibres a straight
    /// cylinder does not describe keep their voxels); "voxels" sums the beam over the traced voxel centres whose
    /// centres lie in the slab (the reference's gridding).</summary>
    public string FibreModel { get; init; } = "cylinder";

    /// <summary>The key of <see cref="WaxsBeamFwhmUm"/>.</summary>
    public const string WaxsBeamFwhmKey = "waxs_beam_fwhm_um";

    /// <summary>The FWHM (µm) of the WAXS beam's round Gaussian profile, over which the CT map is averaged for each WAXS
    /// pixel in the vertical match; "auto" = <c>beam_fwhm_um</c> (the map is taken with the SAXS beam); 0 = a pencil
    /// beam (the CT map averaged over one CT voxel). A row near an endplate records the share of the beam on either
    /// side of it, which is what places the offset between WAXS rows.</summary>
    public AutoOrNumber WaxsBeamFwhmUm { get; init; } = Scan.AutoOrNumber.Auto;

    /// <summary>The key of <see cref="VerticalInterfaces"/>.</summary>
    public const string VerticalInterfacesKey = "vertical_interfaces";

    /// <summary>Whether the vertical offset found by the WAXS/CT NCC is refined on the WAXS map's horizontal interfaces
    /// (endplates, vertebra faces), each with its own contrast; false keeps the NCC's offset (a sample without flat
    /// interfaces). Default true.</summary>
    public bool VerticalInterfaces { get; init; } = true;

    /// <summary>The choices of <c>fibre_model</c>.</summary>
    public static IReadOnlyList<string> FibreModels { get; } = ["cylinder", "voxels"];

    /// <summary>The choices of <c>tube_centre_fit</c>.</summary>
    public static IReadOnlyList<string> TubeCentreFits { get; } = ["rotation", "line", "per_slice", "pooled"];

    /// <summary>The declaration of the stage's parameters with their defaults.</summary>
    public static StageSchema Schema { get; } = new(
        StageName,
        "Registers the CT fibre volumes to the SAXS beam paths at every rotation angle.",
        [
            ParameterDefinition.AutoOrNumber(
                "vertical_offset_um", Scan.AutoOrNumber.Auto,
                "motor y level with the calibrated CT's top edge, µm; auto = found by matching the WAXS map to the CT map"),
            ParameterDefinition.AutoOrNumber(
                "vertical_sense", Scan.AutoOrNumber.Of(1),
                "+1 if a larger motor y is lower in the sample (I22), −1 if higher; auto = the sense that matches the WAXS map best",
                NumericRange.Between(-1, 1)),
            ParameterDefinition.Number(
                "map_angle_deg", 0,
                "θ_map: rotation angle of the WAXS map and of the CT's orientation, degrees"),
            ParameterDefinition.AutoOrNumber(
                "beam_fwhm_um", Scan.AutoOrNumber.Auto,
                "beam FWHM across the raster, µm; auto = one raster step", NumericRange.Positive),
            ParameterDefinition.AutoOrNumber(
                "beam_height_um", Scan.AutoOrNumber.Auto,
                "height of the CT slab each SAXS slice sees, µm; auto = one slice step", NumericRange.Positive),
            ParameterDefinition.AutoOrNumber(
                "along_beam_step_um", Scan.AutoOrNumber.Auto,
                "along-beam voxel length, µm; auto = one raster step", NumericRange.Positive),
            ParameterDefinition.AutoOrNumber(
                "along_beam_window_um", Scan.AutoOrNumber.Auto,
                "along-beam extent divided into voxels, µm; auto = the tube's outer diameter", NumericRange.Positive),
            ParameterDefinition.Text(
                "tube_centres_um", "auto",
                "tube centre's motor x per angle, µm: auto (from the Kapton walls) or one number per angle, comma-separated"),
            ParameterDefinition.Choice(
                "tube_centre_fit", "rotation", TubeCentreFits,
                "tube centres: rotation (one straight axis turning with the sample, all angles and slices), line (per angle, straight tilted tube), per_slice, or pooled (per angle, one centre, vertical tube)"),
            ParameterDefinition.AutoOrNumber(
                "wall_profile_fwhm_um", Scan.AutoOrNumber.Auto,
                "blur of the Kapton wall profile model, µm; auto = the beam FWHM, 0 = chords along the beam's centre line",
                NumericRange.NonNegative),
            ParameterDefinition.Number(
                "wall_peak_fraction", 0.3,
                "a Kapton wall peak rises above the median by this fraction of the frame-sum range",
                NumericRange.Between(0.01, 0.99)),
            ParameterDefinition.Number(
                "min_beam_weight", 0.001,
                "fibres with less summed beam weight in a path are left out of it, fibre voxels", NumericRange.NonNegative),
            ParameterDefinition.Number(
                "reach_sigmas", 5,
                "a fibre voxel adds beam weight to paths within this many σ", NumericRange.AtLeast(1)),
            ParameterDefinition.Boolean(
                "along_beam_resolved", true,
                "split crossings by along-beam voxel (true) or sum them per path (false)"),
            ParameterDefinition.Choice(
                FibreModelKey, "cylinder", FibreModels,
                "beam weights from a straight cylinder fitted to each traced fibre (cylinder) or from the traced voxel centres (voxels)"),
            ParameterDefinition.AutoOrNumber(
                WaxsBeamFwhmKey, Scan.AutoOrNumber.Auto,
                "FWHM of the WAXS beam's Gaussian profile, over which the CT map is averaged per WAXS pixel in the vertical match, µm; auto = beam_fwhm_um, 0 = a pencil beam",
                NumericRange.NonNegative),
            ParameterDefinition.Boolean(
                VerticalInterfacesKey, true,
                "refine the vertical offset on the WAXS map's horizontal interfaces (endplates), each with its own contrast"),
            ParameterDefinition.Boolean(
                QcFiguresKey, true,
                "write the QC figures (PNG) to register/qc/; not build outputs"),
        ],
        Check);

    /// <summary>The typed values from a scan's effective parameters.</summary>
    public static RegisterParameters From(StageParameterSet stages)
    {
        var values = stages[StageName];
        return new RegisterParameters(
            values.AutoOrNumber("vertical_offset_um"),
            values.AutoOrNumber("vertical_sense"),
            values.Number("map_angle_deg"),
            values.AutoOrNumber("beam_fwhm_um"),
            values.AutoOrNumber("beam_height_um"),
            values.AutoOrNumber("along_beam_step_um"),
            values.AutoOrNumber("along_beam_window_um"),
            ParseCentres(values.Text("tube_centres_um"), out _),
            values.Text("tube_centre_fit"),
            values.AutoOrNumber("wall_profile_fwhm_um"),
            values.Number("wall_peak_fraction"),
            values.Number("min_beam_weight"),
            values.Number("reach_sigmas"),
            values.Boolean("along_beam_resolved"))
        {
            QcFigures = values.Boolean(QcFiguresKey),
            VerticalInterfaces = values.Boolean(VerticalInterfacesKey),
            FibreModel = values.Text(FibreModelKey),
            WaxsBeamFwhmUm = values.AutoOrNumber(WaxsBeamFwhmKey),
        };
    }

    /// <summary>The pinned vertical sense (±1), or null for auto.</summary>
    public int? PinnedVerticalSense => VerticalSense.IsAuto ? null : Math.Sign(VerticalSense.Value);

    /// <summary>Parses <c>tube_centres_um</c>: null for "auto", else the numbers (µm); <paramref name="problem"/>
    /// says what is wrong with a malformed list.</summary>
    public static IReadOnlyList<double>? ParseCentres(string text, out string? problem)
    {
        problem = null;
        if (string.Equals(text.Trim(), "auto", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.TrimEntries);
        var numbers = new List<double>();
        foreach (var part in parts)
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                problem = $"tube_centres_um must be auto or comma-separated numbers (µm, one per angle); '{part}' is not a number.";
                return null;
            }

            numbers.Add(value);
        }

        return numbers;
    }

    private static IEnumerable<string> Check(StageParameters values)
    {
        var sense = values.AutoOrNumber("vertical_sense");
        if (!sense.IsAuto && Math.Abs(sense.Value) != 1)
        {
            yield return $"vertical_sense must be auto, 1 or -1 (got {ScalarText.Format(sense.Value)}).";
        }

        ParseCentres(values.Text("tube_centres_um"), out var problem);
        if (problem is not null)
        {
            yield return problem;
        }
    }
}
