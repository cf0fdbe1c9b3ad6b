using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Fibres;

/// <summary>
/// Copies a volume into a larger (or smaller) zero volume at a whole-voxel shift, slab by slab: the padding of
/// the fibre-tracing volumes (registration note §3 A1 and A5 in one step). Voxels shifted outside are dropped
/// and counted.
/// </summary>
public static class VolumePlacement
{
    /// <summary>
    /// Writes a volume of <paramref name="outputShape"/> whose voxel (z, y, x) is <paramref name="source"/>'s
    /// voxel (z, y, x) − <paramref name="shift"/> where that exists and default(T) elsewhere; returns how many
    /// non-default source voxels fell outside (a crop the stage should report). Every source slice is read once.
    /// </summary>
    public static long Place<T>(ISlabReader<T> source, (int Z, int Y, int X) shift, VolumeShape outputShape, ISlabWriter<T> output, int slabDepth = 16)
        where T : struct, IEquatable<T>
    {
        source.Shape.RequireNonEmpty("The volume to place");
        if (output.Shape != outputShape)
        {
            throw new ArgumentException($"The writer expects {output.Shape}, not {outputShape}.", nameof(output));
        }

        var input = source.Shape;
        var (yFrom, yTo) = (Math.Max(0, -shift.Y), Math.Min(input.Height, outputShape.Height - shift.Y));
        var (xFrom, xTo) = (Math.Max(0, -shift.X), Math.Min(input.Width, outputShape.Width - shift.X));
        // Source slices that land inside the output in z.
        var (zInFrom, zInTo) = (Math.Max(0, -shift.Z), Math.Min(input.Depth, outputShape.Depth - shift.Z));
        long dropped = 0;

        void CountOutside(T[,,] slab, int slabStart, int z, bool wholeSlice)
        {
            for (var y = 0; y < input.Height; y++)
            {
                for (var x = 0; x < input.Width; x++)
                {
                    var outside = wholeSlice || y < yFrom || y >= yTo || x < xFrom || x >= xTo;
                    if (outside && !slab[z - slabStart, y, x].Equals(default))
                    {
                        dropped++;
                    }
                }
            }
        }

        // Slices cropped away in z are read only to count what the crop loses.
        foreach (var (from, to) in new[] { (0, Math.Min(input.Depth, zInFrom)), (Math.Max(0, zInTo), input.Depth) })
        {
            for (var start = from; start < to; start += slabDepth)
            {
                var end = Math.Min(to, start + slabDepth);
                var slab = source.ReadSlab(start, end);
                for (var z = start; z < end; z++)
                {
                    CountOutside(slab, start, z, wholeSlice: true);
                }
            }
        }

        for (var outStart = 0; outStart < outputShape.Depth; outStart += slabDepth)
        {
            var outEnd = Math.Min(outputShape.Depth, outStart + slabDepth);
            var result = new T[outEnd - outStart, outputShape.Height, outputShape.Width];
            var zFrom = Math.Max(zInFrom, outStart - shift.Z);
            var zTo = Math.Min(zInTo, outEnd - shift.Z);
            if (zFrom < zTo)
            {
                var slab = source.ReadSlab(zFrom, zTo);
                for (var z = zFrom; z < zTo; z++)
                {
                    CountOutside(slab, zFrom, z, wholeSlice: false);
                    for (var y = yFrom; y < yTo; y++)
                    {
                        for (var x = xFrom; x < xTo; x++)
                        {
                            result[z + shift.Z - outStart, y + shift.Y, x + shift.X] = slab[z - zFrom, y, x];
                        }
                    }
                }
            }

            output.WriteSlab(result);
        }

        return dropped;
    }
}
