namespace TomoSaxs.Phantom;

/// <summary>What sets a CT grey value: the <see cref="Material"/> (same numbers) or fibre (tissue inside a fibre cylinder).</summary>
internal enum CtClass : byte
{
    Air = Material.Air,
    Kapton = Material.Kapton,
    Buffer = Material.Buffer,
    Tissue = Material.Tissue,
    Bone = Material.Bone,
    Fibre,
}

/// <summary>The CT classes at voxel centres, and the grey value of each class.</summary>
internal static class CtClasses
{
    /// <summary>Grey value of each <see cref="CtClass"/>, indexed by its number.</summary>
    public static double[] GreyTable(CtGrey grey) => [grey.Air, grey.Kapton, grey.Buffer, grey.Tissue, grey.Bone, grey.Fibre];

    /// <summary>The class of a point of material <paramref name="material"/> that is or is not inside a fibre cylinder (fibres exist only in tissue).</summary>
    public static CtClass Of(Material material, bool insideFibre) =>
        material == Material.Tissue && insideFibre ? CtClass.Fibre : (CtClass)material;

    /// <summary>
    /// The class at each voxel centre of slice <paramref name="slice"/> of <paramref name="grid"/> and of a
    /// one-voxel frame around it, as [(rows + 2)·(columns + 2)] row-major (voxel (r, c) at (r + 1)·(columns + 2) + c + 1).
    /// The slice may lie just outside the grid (−1, <see cref="VoxelGrid.Slices"/>): the geometry is defined there too.
    /// </summary>
    public static CtClass[] FramedSlice(PhantomPlan plan, VoxelGrid grid, int slice)
    {
        var framed = grid with
        {
            Rows = grid.Rows + 2, Columns = grid.Columns + 2,
            CornerX = grid.CornerX - grid.VoxelUm, CornerZ = grid.CornerZ - grid.VoxelUm,
        };
        var labels = new int[framed.Rows * framed.Columns];
        FibreRasterizer.Slice(framed, slice, plan.Fibres, labels);
        var layer = plan.Geometry.LayerAt(framed.H(slice));
        var classes = new CtClass[labels.Length];
        for (var row = 0; row < framed.Rows; row++)
        {
            var z = framed.Z(row);
            for (var column = 0; column < framed.Columns; column++)
            {
                var index = row * framed.Columns + column;
                classes[index] = Of(layer.MaterialAt(framed.X(column), z), labels[index] != 0);
            }
        }

        return classes;
    }
}
