namespace TomoSaxs.Calibrate.Volumes;

/// <summary>Reads a box of a volume through a slab reader, one slab at a time, so only the box and one slab are
/// ever in memory.</summary>
public static class SubVolume
{
    /// <summary>The box z ∈ [z0, z1), rows ∈ [y0, y1), cols ∈ [x0, x1) of <paramref name="volume"/>; the box is
    /// clipped to the volume first.</summary>
    /// <exception cref="ArgumentException">The clipped box is empty.</exception>
    public static T[,,] Read<T>(ISlabReader<T> volume, int z0, int z1, int y0, int y1, int x0, int x1, int slabDepth = 16)
    {
        var shape = volume.Shape;
        (z0, z1) = (Math.Max(0, z0), Math.Min(shape.Depth, z1));
        (y0, y1) = (Math.Max(0, y0), Math.Min(shape.Height, y1));
        (x0, x1) = (Math.Max(0, x0), Math.Min(shape.Width, x1));
        if (z1 <= z0 || y1 <= y0 || x1 <= x0)
        {
            throw new ArgumentException($"The requested box lies outside the volume of {shape}.");
        }

        var box = new T[z1 - z0, y1 - y0, x1 - x0];
        for (var start = z0; start < z1; start += slabDepth)
        {
            var end = Math.Min(z1, start + slabDepth);
            var slab = volume.ReadSlab(start, end);
            for (var z = start; z < end; z++)
            {
                for (var y = y0; y < y1; y++)
                {
                    for (var x = x0; x < x1; x++)
                    {
                        box[z - z0, y - y0, x - x0] = slab[z - start, y, x];
                    }
                }
            }
        }

        return box;
    }

    /// <summary>The whole volume in memory (for volumes known to be small).</summary>
    public static T[,,] ReadAll<T>(ISlabReader<T> volume) =>
        Read(volume, 0, volume.Shape.Depth, 0, volume.Shape.Height, 0, volume.Shape.Width);
}
