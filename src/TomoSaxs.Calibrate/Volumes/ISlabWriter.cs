namespace TomoSaxs.Calibrate.Volumes;

/// <summary>
/// The destination of a volume written slab by slab in increasing z (e.g. a TIFF stack being written, or an
/// in-memory array). Slabs are appended: the first slab starts at z = 0 and each continues the previous one.
/// </summary>
/// <typeparam name="T">The voxel type.</typeparam>
public interface ISlabWriter<T>
{
    /// <summary>The size of the whole volume this writer expects.</summary>
    VolumeShape Shape { get; }

    /// <summary>Appends a <c>[z, row, col]</c> slab; its rows and columns must match <see cref="Shape"/>.</summary>
    void WriteSlab(T[,,] slab);
}
