namespace TomoSaxs.Phantom;

/// <summary>
/// The grey values of a CT slice: each voxel centre's material (air, Kapton, buffer, tissue, fibre, bone) mapped
/// to its 16-bit grey value, plus Gaussian noise from the slice's own random stream (so slices can be computed in
/// any order or in parallel).
/// </summary>
internal static class CtVolume
{
    /// <summary>Slice <paramref name="slice"/> of <paramref name="grid"/> as [rows, columns].</summary>
    public static ushort[,] Slice(PhantomPlan plan, VoxelGrid grid, string streamName, int slice)
    {
        var grey = plan.Spec.Ct.Grey;
        var labels = new int[grid.Rows * grid.Columns];
        FibreRasterizer.Slice(grid, slice, plan.Fibres, labels);
        var random = new PhantomRandom(plan.Spec.Seed, streamName, slice);
        var layer = plan.Geometry.LayerAt(grid.H(slice));
        var image = new ushort[grid.Rows, grid.Columns];
        for (var row = 0; row < grid.Rows; row++)
        {
            var z = grid.Z(row);
            for (var column = 0; column < grid.Columns; column++)
            {
                var material = layer.MaterialAt(grid.X(column), z);
                var value = material switch
                {
                    Material.Air => grey.Air,
                    Material.Kapton => grey.Kapton,
                    Material.Buffer => grey.Buffer,
                    Material.Tissue => labels[row * grid.Columns + column] != 0 ? grey.Fibre : grey.Tissue,
                    _ => grey.Bone,
                };
                value += plan.Spec.Ct.NoiseSd * random.NextGaussian();
                image[row, column] = (ushort)Math.Clamp(Math.Round(value), 0, ushort.MaxValue);
            }
        }

        return image;
    }
}
