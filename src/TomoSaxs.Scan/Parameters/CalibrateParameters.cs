namespace TomoSaxs.Scan;

/// <summary>
/// Parameters of the Calibrate stage (registration note §3, §9, §11): both CTs on a common voxel, the high-res scan
/// located in the low-res one, the Kapton tube circle per slab, the sample mask and the fibre volumes placed in the
/// calibrated frame. Every automatic step can be pinned by a number in scan.yaml (<c>stages: calibrate:</c>) or with
/// <c>--set calibrate.name=value</c>; the defaults are "auto" everywhere.
/// </summary>
/// <param name="CommonVoxelUm">The common voxel edge, µm: auto = the coarser of the two CT voxels (the high-res scan
/// area-averaged onto the low-res voxel); a number must be at least both CT voxels.</param>
/// <param name="CtOutput">The combined CT's pixel type: <see cref="Float32"/> (default, grey values kept) or
/// <see cref="Uint8"/> (mapped through an intensity window).</param>
/// <param name="WindowLowPercentile">uint8 only: the window's low end as a percentile of all voxels (0–100) when
/// <paramref name="WindowLow"/> is auto.</param>
/// <param name="WindowHighPercentile">uint8 only: the window's high end as a percentile when <paramref name="WindowHigh"/> is auto.</param>
/// <param name="WindowLow">uint8 only: grey value mapped to 0; auto = the percentile. Pin both ends or neither.</param>
/// <param name="WindowHigh">uint8 only: grey value mapped to 255; auto = the percentile.</param>
/// <param name="HighResOffsetUm">Where the high-res scan's first corner lies in the low-res one, µm (z, y, x); null =
/// auto (3-D NCC). Pin all three components or none.</param>
/// <param name="OffsetCoarseBinning">Binning of both CTs (in common voxels) for the FFT search of the offset.</param>
/// <param name="OffsetRefineBlock">Edge of the central high-res block refining the offset, common voxels (default 256,
/// 64 MB of floats: large enough to reach past a featureless centre such as a disc's nucleus).</param>
/// <param name="OffsetMinimumNcc">An automatic offset whose NCC is below this is reported as unreliable (−1…1).</param>
/// <param name="TubeSlabDepth">CT slices per fitted tube circle (common voxels).</param>
/// <param name="TubeCircle">The tube's outer circle, common-voxel pixels (centre row, centre col, radius); null = auto
/// (fitted per slab). Pin all three or none.</param>
/// <param name="MaskMarginPx">Pixels kept free inside the tube's inner wall by the sample mask.</param>
/// <param name="MaskThreshold">The grey threshold of the sample inside the tube; auto = Otsu's per slice.</param>
/// <param name="MaskMinSeparability">Below this Otsu separability (0…1) a slice is taken as holding no sample.</param>
/// <param name="MaskSampleBrighter">Whether the sample is brighter than the liquid around it.</param>
/// <param name="FibreFrame">Where the traced fibre volume sits in the high-res CT: <see cref="FromPadding"/> (the
/// sample's row of vox_padding.xlsx, default) or <see cref="FromOrigin"/> (the numbers below).</param>
/// <param name="FibreOriginVoxels">With <see cref="FromOrigin"/>: the traced volume's first corner in the high-res CT,
/// high-res CT voxels (z, y, x).</param>
public sealed record CalibrateParameters(
    AutoOrNumber CommonVoxelUm,
    string CtOutput,
    double WindowLowPercentile,
    double WindowHighPercentile,
    AutoOrNumber WindowLow,
    AutoOrNumber WindowHigh,
    (double Z, double Y, double X)? HighResOffsetUm,
    int OffsetCoarseBinning,
    int OffsetRefineBlock,
    double OffsetMinimumNcc,
    int TubeSlabDepth,
    (double Row, double Col, double Radius)? TubeCircle,
    double MaskMarginPx,
    AutoOrNumber MaskThreshold,
    double MaskMinSeparability,
    bool MaskSampleBrighter,
    string FibreFrame,
    (double Z, double Y, double X) FibreOriginVoxels)
{
    /// <summary>Whether the stage writes its QC figures (PNG) to <c>calibrate/qc/</c> (docs/calibrate.md); they are
    /// not build outputs. Default true.</summary>
    public bool QcFigures { get; init; } = true;

    /// <summary>The stage name under <c>stages:</c> and in <c>--set calibrate.…</c>.</summary>
    public const string StageName = "calibrate";

    /// <summary><c>ct_output: float32</c>: the combined CT as 32-bit float grey values.</summary>
    public const string Float32 = "float32";

    /// <summary><c>ct_output: uint8</c>: the combined CT windowed to 8 bits.</summary>
    public const string Uint8 = "uint8";

    /// <summary><c>fibre_frame: padding</c>: the fibre crop from vox_padding.xlsx.</summary>
    public const string FromPadding = "padding";

    /// <summary><c>fibre_frame: origin</c>: the fibre crop from <c>fibre_origin_*_voxels</c>.</summary>
    public const string FromOrigin = "origin";

    /// <summary>The key of <see cref="QcFigures"/>.</summary>
    public const string QcFiguresKey = "qc_figures";

    private static readonly string[] OffsetKeys = ["high_res_offset_z_um", "high_res_offset_y_um", "high_res_offset_x_um"];
    private static readonly string[] TubeKeys = ["tube_centre_row_px", "tube_centre_col_px", "tube_radius_px"];

    /// <summary>The declaration of the stage's parameters with their defaults.</summary>
    public static StageSchema Schema { get; } = new(
        StageName,
        "Brings both CTs to a common voxel, locates the high-res scan, fits the tube, masks the sample and places the fibre volumes.",
        [
            ParameterDefinition.AutoOrNumber("common_voxel_um", AutoOrNumber.Auto,
                "common voxel edge of the combined CT, µm; auto = the coarser CT voxel; a number must be ≥ both CT voxels", NumericRange.Positive),
            ParameterDefinition.Choice("ct_output", Float32, [Float32, Uint8], "pixel type of the combined CT stack calibrate/ct/"),
            ParameterDefinition.Number("window_low_percentile", 0.5,
                "uint8 output: percentile of all voxels mapped to 0 when window_low is auto", NumericRange.Between(0, 100)),
            ParameterDefinition.Number("window_high_percentile", 99.5,
                "uint8 output: percentile of all voxels mapped to 255 when window_high is auto", NumericRange.Between(0, 100)),
            ParameterDefinition.AutoOrNumber("window_low", AutoOrNumber.Auto, "uint8 output: grey value mapped to 0; auto = window_low_percentile"),
            ParameterDefinition.AutoOrNumber("window_high", AutoOrNumber.Auto, "uint8 output: grey value mapped to 255; auto = window_high_percentile"),
            ParameterDefinition.AutoOrNumber(OffsetKeys[0], AutoOrNumber.Auto, "high-res corner in the low-res CT along z (slices), µm; auto = 3-D NCC"),
            ParameterDefinition.AutoOrNumber(OffsetKeys[1], AutoOrNumber.Auto, "high-res corner in the low-res CT along rows, µm; auto = 3-D NCC"),
            ParameterDefinition.AutoOrNumber(OffsetKeys[2], AutoOrNumber.Auto, "high-res corner in the low-res CT along columns, µm; auto = 3-D NCC"),
            ParameterDefinition.Integer("offset_coarse_binning", 4,
                "binning (common voxels) of both CTs for the FFT search of the high-res offset", NumericRange.AtLeast(1)),
            // 256 rather than the kernel's 96: at fine voxels (2.6/4.16 µm) a 96-voxel block at the centre lies inside the
            // disc's nucleus, which has no fibres, and the refinement finds nothing to correlate (NCC ≈ 0).
            ParameterDefinition.Integer("offset_refine_block", 256,
                "edge of the central high-res block that refines the offset, common voxels (the whole scan when smaller)", NumericRange.AtLeast(8)),
            ParameterDefinition.Number("offset_minimum_ncc", 0.5,
                "NCC below which an automatic high-res offset is reported as unreliable", NumericRange.Between(-1, 1)),
            ParameterDefinition.Integer("tube_slab_depth", 16, "CT slices (common voxels) per fitted tube circle", NumericRange.AtLeast(1)),
            ParameterDefinition.AutoOrNumber(TubeKeys[0], AutoOrNumber.Auto, "tube outer circle centre row, common-voxel px; auto = fitted per slab"),
            ParameterDefinition.AutoOrNumber(TubeKeys[1], AutoOrNumber.Auto, "tube outer circle centre column, common-voxel px; auto = fitted per slab"),
            ParameterDefinition.AutoOrNumber(TubeKeys[2], AutoOrNumber.Auto,
                "tube outer radius, common-voxel px; auto = fitted per slab", NumericRange.Positive),
            ParameterDefinition.Number("mask_margin_px", 2, "pixels kept free inside the tube's inner wall by the sample mask", NumericRange.NonNegative),
            ParameterDefinition.AutoOrNumber("mask_threshold", AutoOrNumber.Auto, "sample grey threshold inside the tube; auto = Otsu per slice"),
            ParameterDefinition.Number("mask_min_separability", 0.75,
                "Otsu separability (0–1) below which a slice is taken as holding no sample", NumericRange.Between(0, 1)),
            ParameterDefinition.Boolean("mask_sample_brighter", true, "whether the sample is brighter than the liquid around it in the CT"),
            ParameterDefinition.Choice("fibre_frame", FromPadding, [FromPadding, FromOrigin],
                "where the traced fibre volume sits: padding = vox_padding.xlsx row of the scan's sample; origin = fibre_origin_*_voxels"),
            ParameterDefinition.Number("fibre_origin_z_voxels", 0, "fibre_frame origin: traced corner in the high-res CT along z, high-res voxels", NumericRange.NonNegative),
            ParameterDefinition.Number("fibre_origin_y_voxels", 0, "fibre_frame origin: traced corner in the high-res CT along rows, high-res voxels", NumericRange.NonNegative),
            ParameterDefinition.Number("fibre_origin_x_voxels", 0, "fibre_frame origin: traced corner in the high-res CT along columns, high-res voxels", NumericRange.NonNegative),
            ParameterDefinition.Boolean(QcFiguresKey, true, "write the QC figures (PNG) to calibrate/qc/; not build outputs"),
        ],
        CheckTogether);

    /// <summary>The typed values from a scan's effective parameters.</summary>
    public static CalibrateParameters From(StageParameterSet stages)
    {
        var values = stages[StageName];
        var offset = OffsetKeys.Select(values.AutoOrNumber).ToArray();
        var tube = TubeKeys.Select(values.AutoOrNumber).ToArray();
        return new CalibrateParameters(
            values.AutoOrNumber("common_voxel_um"),
            values.Text("ct_output"),
            values.Number("window_low_percentile"),
            values.Number("window_high_percentile"),
            values.AutoOrNumber("window_low"),
            values.AutoOrNumber("window_high"),
            offset[0].IsAuto ? null : (offset[0].Value, offset[1].Value, offset[2].Value),
            values.Integer("offset_coarse_binning"),
            values.Integer("offset_refine_block"),
            values.Number("offset_minimum_ncc"),
            values.Integer("tube_slab_depth"),
            tube[0].IsAuto ? null : (tube[0].Value, tube[1].Value, tube[2].Value),
            values.Number("mask_margin_px"),
            values.AutoOrNumber("mask_threshold"),
            values.Number("mask_min_separability"),
            values.Boolean("mask_sample_brighter"),
            values.Text("fibre_frame"),
            (values.Number("fibre_origin_z_voxels"), values.Number("fibre_origin_y_voxels"), values.Number("fibre_origin_x_voxels")))
        {
            QcFigures = values.Boolean(QcFiguresKey),
        };
    }

    private static IEnumerable<string> CheckTogether(StageParameters values)
    {
        foreach (var (keys, what) in new[] { (OffsetKeys, "the high-res offset"), (TubeKeys, "the tube circle") })
        {
            var pinned = keys.Count(k => !values.AutoOrNumber(k).IsAuto);
            if (pinned != 0 && pinned != keys.Length)
            {
                yield return $"{string.Join(", ", keys)} pin {what} together: give all {keys.Length} numbers or leave all auto.";
            }
        }

        if (values.AutoOrNumber("window_low").IsAuto != values.AutoOrNumber("window_high").IsAuto)
        {
            yield return "window_low and window_high pin the uint8 window together: give both numbers or leave both auto.";
        }
        else if (!values.AutoOrNumber("window_low").IsAuto && values.AutoOrNumber("window_low").Value >= values.AutoOrNumber("window_high").Value)
        {
            yield return "window_low must be below window_high.";
        }

        if (values.Number("window_low_percentile") >= values.Number("window_high_percentile"))
        {
            yield return "window_low_percentile must be below window_high_percentile.";
        }
    }
}
