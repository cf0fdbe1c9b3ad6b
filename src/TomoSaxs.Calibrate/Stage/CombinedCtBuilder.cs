using TomoSaxs.Calibrate.Assembly;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Resampling;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats.Tiff;
using TomoSaxs.Scan;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>
/// The first half of Calibrate, streamed slab by slab into TIFF stacks in the work folder: both CTs on the common
/// voxel, the high-res scan located in the low-res one, and the combined CT (float32; plus its uint8 window when
/// asked). No full-resolution volume is ever held: the offset search works on binned copies.
/// </summary>
internal static class CombinedCtBuilder
{
    public static (HighResOffsetEstimate Offset, HighResRegion Region, ISlabReader<float> Combined, string Folder) Build(
        CalibrateInputs inputs, CalibrateParameters parameters, double commonVoxelUm, WorkFolder work, Action<string> log)
    {
        var lowCommon = OnCommonVoxel(inputs.LowResReader, inputs.LowResVoxelUm, commonVoxelUm, work.Item("low_common"));
        MemoryLog.Checkpoint(log, "low-res on the common voxel");
        var highCommon = OnCommonVoxel(inputs.HighResReader, inputs.HighResVoxelUm, commonVoxelUm, work.Item("high_common"));
        MemoryLog.Checkpoint(log, "high-res on the common voxel");
        var offset = HighResOffset.Estimate(lowCommon, commonVoxelUm, highCommon, commonVoxelUm,
            CalibrateOptions.Offset(parameters, lowCommon.Shape), CalibrateOptions.PinnedOffset(parameters, commonVoxelUm),
            inputs.HighResReader, inputs.HighResVoxelUm);
        log($"high-res offset {offset.Voxels} common voxels = ({offset.Um.Z:F1}, {offset.Um.Y:F1}, {offset.Um.X:F1}) µm, " +
            $"{(offset.Source == Estimates.EstimateSource.Pinned ? "pinned" : "automatic")}, NCC {offset.Ncc:F3}" +
            (offset.IsReliable ? "" : $" — below calibrate.offset_minimum_ncc = {offset.MinimumNcc}: check the offset or pin it"));
        MemoryLog.Checkpoint(log, "offset");
        FieldOfViewCheck.RequireInside(offset, CalibrateInputs.ShapeOf(inputs.HighRes), inputs.HighResVoxelUm,
            CalibrateInputs.ShapeOf(inputs.LowRes), inputs.LowResVoxelUm, inputs.HighRes.Folder, inputs.LowRes.Folder);

        var folder = work.Item("ct_float");
        HighResRegion region;
        using (var writer = new TiffStackSlabWriter<float>(folder, lowCommon.Shape, Calibrated(commonVoxelUm)))
        {
            region = CombinedCt.Assemble(lowCommon, inputs.HighResReader, inputs.HighResVoxelUm, commonVoxelUm, offset.Voxels, writer,
                CalibrateOptions.SlabDepthFor(inputs.HighResReader.Shape));
            writer.Commit();
        }

        MemoryLog.Checkpoint(log, "combined CT");
        return (offset, region, TiffStackSlabReader.AsFloat(TiffStack.Open(folder)), folder);
    }

    /// <summary>The combined CT as uint8 in the work folder, through the pinned or percentile window.</summary>
    public static string ToBytes(ISlabReader<float> combined, CalibrateParameters parameters, double commonVoxelUm, WorkFolder work, Action<string> log)
    {
        var window = parameters.WindowLow.IsAuto
            ? IntensityWindow.FromPercentiles(combined, parameters.WindowLowPercentile, parameters.WindowHighPercentile, CalibrateOptions.SlabDepthFor(combined.Shape))
            : new IntensityWindow(parameters.WindowLow.Value, parameters.WindowHigh.Value);
        log($"uint8 window [{window.Low:G6}, {window.High:G6}] grey ({(parameters.WindowLow.IsAuto ? "percentiles" : "pinned")})");
        var folder = work.Item("ct_uint8");
        using var bytes = new TiffStackSlabWriter<byte>(folder, combined.Shape, Calibrated(commonVoxelUm));
        var scaling = new ByteScalingWriter(bytes, window);
        foreach (var range in SlabRange.Cover(combined.Shape.Depth, CalibrateOptions.SlabDepthFor(combined.Shape)))
        {
            scaling.WriteSlab(combined.ReadSlab(range.Start, range.End));
        }

        bytes.Commit();
        return folder;
    }

    /// <summary>Fiji-calibrated slices at the common voxel.</summary>
    public static TiffWriteOptions Calibrated(double commonVoxelUm) => new() { PixelSizeUm = commonVoxelUm, SliceSpacingUm = commonVoxelUm };

    private static ISlabReader<float> OnCommonVoxel(ISlabReader<float> scan, double voxelUm, double commonVoxelUm, string folder)
    {
        if (CommonVoxel.IsSame(voxelUm, commonVoxelUm))
        {
            return scan;
        }

        var geometry = ResampleGeometry.Covering(scan.Shape, voxelUm, commonVoxelUm);
        using (var writer = new TiffStackSlabWriter<float>(folder, geometry.Output, Calibrated(commonVoxelUm)))
        {
            AreaResampler.Resample(scan, geometry, writer, CalibrateOptions.SlabDepthFor(scan.Shape), CalibrateOptions.SlabDepthFor(geometry.Output));
            writer.Commit();
        }

        return TiffStackSlabReader.AsFloat(TiffStack.Open(folder));
    }
}
