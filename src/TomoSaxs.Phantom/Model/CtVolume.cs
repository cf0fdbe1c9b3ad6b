namespace TomoSaxs.Phantom;

/// <summary>
/// The grey values of a CT slice: each voxel's partial-volume mean grey (<see cref="PartialVolume"/>) plus Gaussian
/// noise from the slice's own random stream (so slices can be computed in any order or in parallel).
/// </summary>
internal static class CtVolume
{
    /// <summary>Slice <paramref name="slice"/> of <paramref name="grid"/> as [rows, columns].</summary>
    public static ushort[,] Slice(PhantomPlan plan, VoxelGrid grid, string streamName, int slice)
    {
        var mean = PartialVolume.MeanGrey(plan, grid, slice);
        var random = new PhantomRandom(plan.Spec.Seed, streamName, slice);
        var image = new ushort[grid.Rows, grid.Columns];
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                var value = mean[row * grid.Columns + column] + plan.Spec.Ct.NoiseSd * random.NextGaussian();
                image[row, column] = (ushort)Math.Clamp(Math.Round(value), 0, ushort.MaxValue);
            }
        }

        return image;
    }
}
