namespace TomoSaxs.Phantom;

/// <summary>
/// Which fibre (if any) each voxel of a grid belongs to: a voxel belongs to a fibre when its centre lies inside
/// the fibre's cylinder (within the radius of the axis segment, between its end faces). Where cylinders would
/// share a voxel the lower fibre number wins, so the result does not depend on evaluation order.
/// </summary>
internal static class FibreRasterizer
{
    /// <summary>Fills <paramref name="labels"/> ([rows, columns] of slice <paramref name="slice"/>) with fibre number + 1, 0 elsewhere.</summary>
    public static void Slice(VoxelGrid grid, int slice, IReadOnlyList<FibreSegment> fibres, Span<int> labels)
    {
        labels.Clear();
        var h = grid.H(slice);
        foreach (var fibre in fibres)
        {
            var (low, high) = fibre.HeightRange;
            if (h < low || h > high)
            {
                continue;
            }

            var cylinder = new FibreCylinder(fibre);
            var (c0, c1, r0, r1) = ColumnRowBounds(grid, fibre);
            var label = fibre.Number + 1;
            for (var row = r0; row <= r1; row++)
            {
                var z = grid.Z(row);
                for (var column = c0; column <= c1; column++)
                {
                    var index = row * grid.Columns + column;
                    if (labels[index] == 0 && cylinder.Contains(grid.X(column), h, z))
                    {
                        labels[index] = label;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The columns c0…c1 and rows r0…r1 of <paramref name="grid"/> (clipped to it) whose voxels can hold points of
    /// the fibre's cylinder: the bounding box of the axis segment widened by the radius.
    /// </summary>
    public static (int C0, int C1, int R0, int R1) ColumnRowBounds(VoxelGrid grid, FibreSegment fibre)
    {
        var (ax, _, az) = fibre.Axis;
        var (sx, _, sz) = fibre.Start;
        var (ex, ez) = (sx + ax * fibre.LengthUm, sz + az * fibre.LengthUm);
        var r = fibre.RadiusUm;
        var c0 = Math.Max(0, (int)Math.Floor(grid.ColumnOf(Math.Min(sx, ex) - r)));
        var c1 = Math.Min(grid.Columns - 1, (int)Math.Ceiling(grid.ColumnOf(Math.Max(sx, ex) + r)));
        var r0 = Math.Max(0, (int)Math.Floor(grid.RowOf(Math.Min(sz, ez) - r)));
        var r1 = Math.Min(grid.Rows - 1, (int)Math.Ceiling(grid.RowOf(Math.Max(sz, ez) + r)));
        return (c0, c1, r0, r1);
    }
}
