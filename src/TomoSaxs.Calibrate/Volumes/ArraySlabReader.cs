namespace TomoSaxs.Calibrate.Volumes;

/// <summary>An <see cref="ISlabReader{T}"/> over a volume already in memory; each slab is a copy.</summary>
/// <typeparam name="T">The voxel type.</typeparam>
public sealed class ArraySlabReader<T> : ISlabReader<T>
{
    private readonly T[,,] volume;

    /// <summary>Wraps <paramref name="volume"/> (<c>[z, row, col]</c>), which must not change while it is read.</summary>
    public ArraySlabReader(T[,,] volume)
    {
        this.volume = volume;
        Shape = VolumeShape.Of(volume);
    }

    /// <inheritdoc />
    public VolumeShape Shape { get; }

    /// <inheritdoc />
    public T[,,] ReadSlab(int zStart, int zEnd)
    {
        SlabRange.Check(zStart, zEnd, Shape.Depth);
        var slab = new T[zEnd - zStart, Shape.Height, Shape.Width];
        var perSlice = (int)Shape.SliceVoxels;
        Array.Copy(volume, zStart * (long)perSlice, slab, 0, (zEnd - zStart) * (long)perSlice);
        return slab;
    }
}
