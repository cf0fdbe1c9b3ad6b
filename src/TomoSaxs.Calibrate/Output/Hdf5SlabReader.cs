using System.Numerics;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Calibrate.Output;

/// <summary>Reads a <c>[z, row, col]</c> HDF5 dataset slab by slab, one hyperslab per slab.</summary>
/// <typeparam name="T">The voxel type the values are read as.</typeparam>
internal sealed class Hdf5SlabReader<T>(Hdf5Dataset dataset, VolumeShape shape) : ISlabReader<T>
    where T : unmanaged, INumberBase<T>
{
    public VolumeShape Shape { get; } = shape;

    public T[,,] ReadSlab(int zStart, int zEnd)
    {
        SlabRange.Check(zStart, zEnd, Shape.Depth);
        var slab = new T[zEnd - zStart, Shape.Height, Shape.Width];
        dataset.ReadHyperslab<T>([zStart, 0, 0], [zEnd - zStart, Shape.Height, Shape.Width], SlabMemory.AsSpan(slab));
        return slab;
    }
}
