using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.CtMap;

/// <summary>
/// The inverted summed CT map that is matched to the WAXS map (registration note §3 Fiji steps, §9): the CT
/// projected along image rows, which is the beam direction at the map angle, so map[z, x] = Σ_y CT[z, y, x];
/// inverted as max − value so that dense bone, dark in the projection's convention of Fiji's "Invert", reads
/// the same way round as in the WAXS map. This is Fiji's "Reslice from top → Z-project (sum) → Invert" without
/// Fiji, streamed slab by slab.
/// </summary>
public static class SummedCtMap
{
    /// <summary>The map, indexed [z, col], in the CT's grey units × rows (summed, then optionally inverted).</summary>
    /// <param name="ct">The calibrated CT.</param>
    /// <param name="invert">Whether to return max − sum (the reference's inverted map) rather than the sum.</param>
    /// <param name="slabDepth">Slices read at a time.</param>
    public static double[,] Compute(ISlabReader<float> ct, bool invert = true, int slabDepth = 16)
    {
        var shape = ct.Shape;
        shape.RequireNonEmpty("The CT volume to project");
        var map = new double[shape.Depth, shape.Width];
        foreach (var range in SlabRange.Cover(shape.Depth, slabDepth))
        {
            var slab = ct.ReadSlab(range.Start, range.End);
            for (var z = range.Start; z < range.End; z++)
            {
                for (var y = 0; y < shape.Height; y++)
                {
                    for (var x = 0; x < shape.Width; x++)
                    {
                        map[z, x] += slab[z - range.Start, y, x];
                    }
                }
            }
        }

        if (invert)
        {
            var max = double.NegativeInfinity;
            foreach (var v in map)
            {
                max = Math.Max(max, v);
            }

            for (var z = 0; z < shape.Depth; z++)
            {
                for (var x = 0; x < shape.Width; x++)
                {
                    map[z, x] = max - map[z, x];
                }
            }
        }

        return map;
    }
}
