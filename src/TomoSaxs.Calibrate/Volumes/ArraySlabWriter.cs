namespace TomoSaxs.Calibrate.Volumes;

/// <summary>An <see cref="ISlabWriter{T}"/> that collects the slabs into one in-memory volume.</summary>
/// <typeparam name="T">The voxel type.</typeparam>
public sealed class ArraySlabWriter<T> : ISlabWriter<T>
{
    private int written;

    /// <summary>Allocates the destination volume of <paramref name="shape"/>.</summary>
    public ArraySlabWriter(VolumeShape shape)
    {
        shape.RequireNonEmpty("The destination volume");
        Shape = shape;
        Volume = new T[shape.Depth, shape.Height, shape.Width];
    }

    /// <inheritdoc />
    public VolumeShape Shape { get; }

    /// <summary>The volume written so far (complete once <see cref="IsComplete"/>).</summary>
    public T[,,] Volume { get; }

    /// <summary>Whether every slice has been written.</summary>
    public bool IsComplete => written == Shape.Depth;

    /// <inheritdoc />
    public void WriteSlab(T[,,] slab)
    {
        SlabChecks.RequireFits(slab, Shape, written);
        var perSlice = Shape.SliceVoxels;
        Array.Copy(slab, 0, Volume, written * perSlice, slab.GetLength(0) * perSlice);
        written += slab.GetLength(0);
    }
}
