using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats.Tiff;

namespace TomoSaxs.Calibrate.Tests.Stage;

/// <summary>Every automatic step of Calibrate, pinned from <c>--set calibrate.…</c>, takes the pinned value.</summary>
[Collection(CalibratedExampleCollection.Name)]
public sealed class CalibratePinnedTests(CalibratedExample example)
{
    [Fact]
    public void Pinned_voxel_offset_tube_threshold_and_uint8_window_are_used()
    {
        var outputs = example.NewOutputs("pinned");
        var log = new List<string>();

        var result = example.Run(outputs,
        [
            "calibrate.common_voxel_um=20",
            "calibrate.high_res_offset_z_um=200", "calibrate.high_res_offset_y_um=480", "calibrate.high_res_offset_x_um=500",
            "calibrate.tube_centre_row_px=110.5", "calibrate.tube_centre_col_px=120.5", "calibrate.tube_radius_px=100",
            "calibrate.mask_threshold=10000",
            "calibrate.ct_output=uint8", "calibrate.window_low=1000", "calibrate.window_high=31000",
        ], log);

        Assert.Equal(20, result.CommonVoxelUm);
        // 88 × 290 × 290 voxels of 16 µm on 20 µm voxels (a partial last voxel per axis).
        Assert.Equal(new VolumeShape(71, 232, 232), result.CtShape);
        Assert.Equal(EstimateSource.Pinned, result.HighResOffset.Source);
        Assert.Equal(new Offset3(10, 24, 25), result.HighResOffset.Voxels);
        Assert.All(result.Tube, slab => Assert.Equal((110.5, 120.5, 100.0, EstimateSource.Pinned),
            (slab.Circle.CentreRow, slab.Circle.CentreCol, slab.Circle.RadiusPx, slab.Circle.Source)));
        Assert.All(result.SampleMask, slice => Assert.Equal(10000, slice.Threshold));
        var stack = TiffStack.Open(outputs.CtFolder);
        Assert.Equal(TiffPixelType.UInt8, stack.Info.PixelType);
        Assert.Equal(71, stack.Info.Depth);
        Assert.Contains(log, line => line.Contains("uint8 window [1000, 31000] grey (pinned)", StringComparison.Ordinal));
        // The fibre grid does not depend on the common voxel: the traced crop lands at the same fibre voxel.
        Assert.Equal(example.Result.Fibres.Shift, result.Fibres.Shift);

        using var file = CalibrationFile.Open(outputs.Calibration);
        Assert.Equal(result.CtShape, file.SampleMask.Shape);
        Assert.Equal("pinned", Hdf5Text(file.FilePath, "offset/source"));
    }

    [Fact]
    public void A_uint8_combined_ct_with_the_automatic_window_spans_the_percentiles()
    {
        var outputs = example.NewOutputs("uint8");
        var log = new List<string>();

        example.Run(outputs, ["calibrate.ct_output=uint8", "calibrate.window_low_percentile=1", "calibrate.window_high_percentile=99", "calibrate.qc_figures=false"], log);

        var stack = TiffStack.Open(outputs.CtFolder);
        Assert.Equal(TiffPixelType.UInt8, stack.Info.PixelType);
        Assert.Contains(log, line => line.Contains("(percentiles)", StringComparison.Ordinal));
        // This run also has its QC figures switched off: no qc/ folder.
        Assert.False(Directory.Exists(TomoSaxs.Calibrate.Stage.CalibrateFigures.Folder(outputs)));
        var values = stack.ReadSlices<byte>(0, stack.Info.Depth).Cast<byte>().ToArray();
        // 1 % of the voxels lie at or below the low end and 1 % at or above the high end (to the window's histogram
        // resolution); rounding to bytes adds those within half a grey step of either end, how many depending on how
        // dense the grey values are there (air is 40 % of this CT), so 0 and 255 hold at least 1 % each and together
        // a small share.
        var (zeros, full) = (values.Count(v => v == 0) / (double)values.Length, values.Count(v => v == 255) / (double)values.Length);
        Assert.InRange(zeros, 0.0099, 0.05);
        Assert.InRange(full, 0.0099, 0.05);
    }

    private static string Hdf5Text(string path, string dataset)
    {
        using var file = Formats.Hdf5.Hdf5File.Open(path);
        return file.Dataset(dataset).ReadStrings()[0];
    }
}
