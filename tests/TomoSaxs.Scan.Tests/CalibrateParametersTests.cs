namespace TomoSaxs.Scan.Tests;

/// <summary>The <c>calibrate:</c> parameters: defaults, pins from <c>--set</c>, and pins that must come together.</summary>
public sealed class CalibrateParametersTests
{
    [Fact]
    public void Every_automatic_step_defaults_to_auto()
    {
        using var scan = new ScanFolder();

        var parameters = CalibrateParameters.From(scan.Load(ScanFolder.CompleteYaml).Stages);

        Assert.True(parameters.CommonVoxelUm.IsAuto);
        Assert.Equal(CalibrateParameters.Float32, parameters.CtOutput);
        Assert.Null(parameters.HighResOffsetUm);
        Assert.Null(parameters.TubeCircle);
        Assert.True(parameters.MaskThreshold.IsAuto);
        Assert.Equal(CalibrateParameters.FromPadding, parameters.FibreFrame);
        Assert.Equal(4, parameters.OffsetCoarseBinning);
        Assert.Equal(16, parameters.TubeSlabDepth);
        Assert.Contains(StageCatalog.Default.Stages, s => s.Name == "calibrate");
    }

    [Fact]
    public void Pinned_values_come_through_typed()
    {
        using var scan = new ScanFolder();

        var parameters = CalibrateParameters.From(scan.Load(ScanFolder.CompleteYaml,
        [
            "calibrate.common_voxel_um=20", "calibrate.ct_output=UINT8", "calibrate.window_low=100", "calibrate.window_high=3000",
            "calibrate.high_res_offset_z_um=200", "calibrate.high_res_offset_y_um=480", "calibrate.high_res_offset_x_um=500",
            "calibrate.tube_centre_row_px=120.5", "calibrate.tube_centre_col_px=118", "calibrate.tube_radius_px=125",
            "calibrate.fibre_frame=origin", "calibrate.fibre_origin_x_voxels=12",
        ]).Stages);

        Assert.Equal(20, parameters.CommonVoxelUm.Value);
        Assert.Equal(CalibrateParameters.Uint8, parameters.CtOutput);
        Assert.Equal((100.0, 3000.0), (parameters.WindowLow.Value, parameters.WindowHigh.Value));
        Assert.Equal((200.0, 480.0, 500.0), parameters.HighResOffsetUm);
        Assert.Equal((120.5, 118.0, 125.0), parameters.TubeCircle);
        Assert.Equal(CalibrateParameters.FromOrigin, parameters.FibreFrame);
        Assert.Equal((0.0, 0.0, 12.0), parameters.FibreOriginVoxels);
    }

    [Fact]
    public void Half_pinned_groups_are_refused_naming_their_keys()
    {
        using var scan = new ScanFolder();

        var problems = scan.Problems(ScanFolder.CompleteYaml,
            ["calibrate.high_res_offset_z_um=200", "calibrate.tube_radius_px=125", "calibrate.window_low=10"]);

        var messages = string.Join("\n", problems.Select(p => p.Message));
        Assert.Contains("high_res_offset_x_um", messages);
        Assert.Contains("tube_centre_row_px", messages);
        Assert.Contains("window_low and window_high", messages);
        Assert.Equal(3, problems.Count);
    }
}
