namespace TomoSaxs.Phantom;

/// <summary>
/// The noise-free grey value of each voxel of a CT slice as a real CT reconstructs it: the volume-weighted mean of
/// the grey values of the materials inside the voxel (partial volume), not the material at its centre.
/// <para>
/// Only voxels whose centre class (<see cref="CtClass"/>) differs from one of its 26 neighbours' (in this slice and
/// the slices above and below) can hold more than one class; they are integrated by <see cref="VoxelQuadrature"/>
/// (4 × 4 × 4 points, more where an endplate crosses the voxel), every other voxel takes its centre's grey value.
/// A feature thinner than the voxel spacing that no neighbour's centre reaches would be missed; the phantom has
/// none (the tube wall, fibres and sample are several voxels thick). Each slice is computed on its own (its
/// neighbours' centres recomputed), so slices stay independent of order and thread count.
/// </para>
/// </summary>
internal static class PartialVolume
{
    /// <summary>Mean grey value of every voxel of slice <paramref name="slice"/> of <paramref name="grid"/>, [rows·columns] row-major.</summary>
    public static double[] MeanGrey(PhantomPlan plan, VoxelGrid grid, int slice)
    {
        var table = CtClasses.GreyTable(plan.Spec.Ct.Grey);
        var framed = new[] { CtClasses.FramedSlice(plan, grid, slice - 1), CtClasses.FramedSlice(plan, grid, slice), CtClasses.FramedSlice(plan, grid, slice + 1) };
        var mean = new double[grid.Rows * grid.Columns];
        var boundary = new List<int>();
        var width = grid.Columns + 2;
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                var centre = (row + 1) * width + column + 1;
                var index = row * grid.Columns + column;
                mean[index] = table[(int)framed[1][centre]];
                if (IsBoundary(framed, centre, width))
                {
                    boundary.Add(index);
                }
            }
        }

        if (boundary.Count > 0)
        {
            Integrate(plan, grid, slice, boundary, table, mean);
        }

        return mean;
    }

    private static bool IsBoundary(CtClass[][] framed, int centre, int width)
    {
        var own = framed[1][centre];
        for (var s = 0; s < 3; s++)
        {
            var classes = framed[s];
            for (var start = centre - width - 1; start <= centre + width - 1; start += width)
            {
                if (classes[start] != own || classes[start + 1] != own || classes[start + 2] != own)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Replaces the grey value of each boundary voxel by its quadrature mean over the voxel.</summary>
    private static void Integrate(PhantomPlan plan, VoxelGrid grid, int slice, List<int> boundary, double[] table, double[] mean)
    {
        var heights = VoxelQuadrature.Heights(grid.H(slice), grid.VoxelUm, plan.Geometry.LayerBreaks);
        var layers = heights.Select(node => plan.Geometry.LayerAt(node.Height)).ToArray();
        var offsets = VoxelQuadrature.LateralOffsets(grid.VoxelUm);
        var candidates = FibresNear(plan.Fibres, grid, slice, boundary);
        var lateralWeight = 1.0 / (offsets.Length * offsets.Length);
        for (var k = 0; k < boundary.Count; k++)
        {
            var (row, column) = Math.DivRem(boundary[k], grid.Columns);
            var (x0, z0) = (grid.X(column), grid.Z(row));
            var fibres = candidates[k]?.ToArray();
            var sum = 0.0;
            for (var n = 0; n < heights.Length; n++)
            {
                var h = heights[n].Height;
                var layer = layers[n];
                var layerSum = 0.0;
                foreach (var dx in offsets)
                {
                    var x = x0 + dx;
                    foreach (var dz in offsets)
                    {
                        var z = z0 + dz;
                        var material = layer.MaterialAt(x, z);
                        var inside = material == Material.Tissue && fibres is not null && InsideAny(fibres, x, h, z);
                        layerSum += table[(int)CtClasses.Of(material, inside)];
                    }
                }

                sum += heights[n].Weight * layerSum;
            }

            mean[boundary[k]] = sum * lateralWeight;
        }
    }

    /// <summary>For each boundary voxel, the cylinders of the fibres whose bounding box reaches it (null for none).</summary>
    private static List<FibreCylinder>?[] FibresNear(IReadOnlyList<FibreSegment> fibres, VoxelGrid grid, int slice, List<int> boundary)
    {
        var slot = new int[grid.Rows * grid.Columns];
        Array.Fill(slot, -1);
        for (var k = 0; k < boundary.Count; k++)
        {
            slot[boundary[k]] = k;
        }

        var candidates = new List<FibreCylinder>?[boundary.Count];
        var (bottom, top) = (grid.H(slice) - grid.VoxelUm / 2, grid.H(slice) + grid.VoxelUm / 2);
        foreach (var fibre in fibres)
        {
            var (low, high) = fibre.HeightRange;
            if (high < bottom || low > top)
            {
                continue;
            }

            var cylinder = new FibreCylinder(fibre);
            var (c0, c1, r0, r1) = FibreRasterizer.ColumnRowBounds(grid, fibre);
            for (var row = r0; row <= r1; row++)
            {
                for (var column = c0; column <= c1; column++)
                {
                    var k = slot[row * grid.Columns + column];
                    if (k >= 0)
                    {
                        (candidates[k] ??= []).Add(cylinder);
                    }
                }
            }
        }

        return candidates;
    }

    private static bool InsideAny(FibreCylinder[] fibres, double x, double h, double z)
    {
        for (var i = 0; i < fibres.Length; i++)
        {
            if (fibres[i].Contains(x, h, z))
            {
                return true;
            }
        }

        return false;
    }
}
