using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.CtMap;

/// <summary>
/// The grey-class maps matched to the WAXS map (docs/register.md, "Vertical registration"): for each grey class k
/// of the calibrated CT, map[k, z, col] is the path length, in voxels, through voxels of that class along the CT
/// rows (the beam at the map angle), on the same [z, col] grid as <see cref="SummedCtMap"/>. The WAXS counts per
/// unit path depend on the material in a way the CT's grey level does not scale to (nor does the transmission),
/// so Register fits the WAXS map as a linear combination of these maps instead of one summed map. The classes
/// sum to the CT's row count at every pixel. Streamed slab by slab.
/// </summary>
public static class GreyClassMaps
{
    /// <summary>The maps <c>[class, z, col]</c>, voxels of path.</summary>
    /// <param name="ct">The calibrated CT.</param>
    /// <param name="bounds">The K − 1 inner class bounds, grey, increasing (<see cref="GreyClassBounds"/>); grey
    /// below the first is class 0, at or above the last class K − 1; non-finite grey is class 0.</param>
    /// <param name="slabDepth">Slices read at a time.</param>
    /// <exception cref="ArgumentException">The bounds are not finite and strictly increasing.</exception>
    public static double[,,] Compute(ISlabReader<float> ct, IReadOnlyList<double> bounds, int slabDepth = 16)
    {
        for (var k = 0; k < bounds.Count; k++)
        {
            if (!double.IsFinite(bounds[k]) || (k > 0 && !(bounds[k] > bounds[k - 1])))
            {
                throw new ArgumentException($"The grey class bounds must be finite and strictly increasing (bound {k} is {bounds[k]}).", nameof(bounds));
            }
        }

        var shape = ct.Shape;
        shape.RequireNonEmpty("The CT volume to classify");
        var sorted = bounds.ToArray();
        var maps = new double[sorted.Length + 1, shape.Depth, shape.Width];
        foreach (var range in SlabRange.Cover(shape.Depth, slabDepth))
        {
            var slab = ct.ReadSlab(range.Start, range.End);
            for (var z = range.Start; z < range.End; z++)
            {
                for (var y = 0; y < shape.Height; y++)
                {
                    for (var x = 0; x < shape.Width; x++)
                    {
                        maps[Class(sorted, slab[z - range.Start, y, x]), z, x] += 1;
                    }
                }
            }
        }

        return maps;
    }

    /// <summary>The class of grey <paramref name="value"/>: the number of bounds at or below it (0 for NaN).</summary>
    public static int Class(double[] bounds, double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        var i = Array.BinarySearch(bounds, value);
        return i >= 0 ? i + 1 : ~i;
    }
}
