using TomoSaxs.Formats.Tiff;
using TomoSaxs.Formats.Xlsx;

namespace TomoSaxs.Phantom;

/// <summary>
/// Writes the CT and fibre-tracing TIFF stacks (one file per z, Fiji-calibrated in µm) and vox_padding.xlsx.
/// CT slices are computed in parallel in bounded batches and appended in z order; each stack is written to a
/// temporary folder and renamed into place.
/// </summary>
internal static class CtStackWriter
{
    public static void WriteCt(PhantomPlan plan, VoxelGrid grid, string streamName, string folder, PhantomRunOptions options)
    {
        var tiff = new TiffWriteOptions { PixelSizeUm = grid.VoxelUm, SliceSpacingUm = grid.VoxelUm };
        using var writer = new TiffStackWriter<ushort>(folder, grid.Columns, grid.Rows, tiff);
        var batch = Math.Max(1, 4 * options.Threads);
        var slices = new ushort[batch][,];
        for (var start = 0; start < grid.Slices; start += batch)
        {
            var count = Math.Min(batch, grid.Slices - start);
            Parallel.For(0, count, options.Parallel, k => slices[k] = CtVolume.Slice(plan, grid, streamName, start + k));
            for (var k = 0; k < count; k++)
            {
                writer.AppendSlice(slices[k]);
            }
        }

        writer.Commit();
    }

    public static void WriteFibreTracing(PhantomPlan plan, FibreTracingVolume volume)
    {
        var tiff = new TiffWriteOptions { PixelSizeUm = volume.Grid.VoxelUm, SliceSpacingUm = volume.Grid.VoxelUm };
        Write(plan.Outputs.Theta, volume.Theta, volume.CropSize, tiff);
        Write(plan.Outputs.Phi, volume.Phi, volume.CropSize, tiff);
        Write(plan.Outputs.Index, volume.Index, volume.CropSize, tiff);
        VoxelPaddingWriter.Write(plan.Outputs.Padding, [VoxelPadding.FromAppliedPads(plan.Definition.Name, volume.CropStart, volume.EndPads)]);
    }

    private static void Write<T>(string folder, T[][,] slices, VoxelPads size, TiffWriteOptions options)
        where T : unmanaged
    {
        using var writer = new TiffStackWriter<T>(folder, size.X, size.Y, options);
        foreach (var slice in slices)
        {
            writer.AppendSlice(slice);
        }

        writer.Commit();
    }
}
