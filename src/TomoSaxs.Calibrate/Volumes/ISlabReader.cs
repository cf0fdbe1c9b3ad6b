namespace TomoSaxs.Calibrate.Volumes;

/// <summary>
/// A volume read slab by slab (a z range of whole slices), so that kernels can process volumes larger than
/// memory. A TIFF stack folder, an in-memory array or a transformed view can stand behind it.
/// </summary>
/// <typeparam name="T">The voxel type.</typeparam>
public interface ISlabReader<T>
{
    /// <summary>The size of the whole volume.</summary>
    VolumeShape Shape { get; }

    /// <summary>Reads slices <paramref name="zStart"/> (inclusive) to <paramref name="zEnd"/> (exclusive) as a new
    /// <c>[z − zStart, row, col]</c> array that the caller owns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or outside <c>[0, Depth]</c>.</exception>
    T[,,] ReadSlab(int zStart, int zEnd);
}
