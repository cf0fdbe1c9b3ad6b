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

            var (ax, ah, az) = fibre.Axis;
            var (sx, sh, sz) = fibre.Start;
            var (ex, ez) = (sx + ax * fibre.LengthUm, sz + az * fibre.LengthUm);
            var r = fibre.RadiusUm;
            var c0 = Math.Max(0, (int)Math.Floor(grid.ColumnOf(Math.Min(sx, ex) - r)));
            var c1 = Math.Min(grid.Columns - 1, (int)Math.Ceiling(grid.ColumnOf(Math.Max(sx, ex) + r)));
            var r0 = Math.Max(0, (int)Math.Floor(grid.RowOf(Math.Min(sz, ez) - r)));
            var r1 = Math.Min(grid.Rows - 1, (int)Math.Ceiling(grid.RowOf(Math.Max(sz, ez) + r)));
            var label = fibre.Number + 1;
            for (var row = r0; row <= r1; row++)
            {
                var z = grid.Z(row);
                for (var column = c0; column <= c1; column++)
                {
                    var index = row * grid.Columns + column;
                    if (labels[index] != 0)
                    {
                        continue;
                    }

                    var (dx, dh, dz) = (grid.X(column) - sx, h - sh, z - sz);
                    var t = dx * ax + dh * ah + dz * az;
                    if (t < 0 || t > fibre.LengthUm)
                    {
                        continue;
                    }

                    var (px, ph, pz) = (dx - t * ax, dh - t * ah, dz - t * az);
                    if (px * px + ph * ph + pz * pz <= r * r)
                    {
                        labels[index] = label;
                    }
                }
            }
        }
    }
}
