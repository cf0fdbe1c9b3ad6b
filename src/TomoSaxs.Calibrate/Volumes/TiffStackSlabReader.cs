using TomoSaxs.Formats.Tiff;

namespace TomoSaxs.Calibrate.Volumes;

/// <summary>
/// Reads a TIFF stack folder slab by slab. <see cref="AsFloat"/> converts 8-, 16-bit and float slices to float
/// (exactly); <see cref="Typed{T}"/> reads the stored type (e.g. byte angles, ushort fibre ids) unchanged.
/// </summary>
public static class TiffStackSlabReader
{
    /// <summary>A float view of <paramref name="stack"/>, whatever its stored pixel type.</summary>
    public static ISlabReader<float> AsFloat(TiffStack stack) => new FloatReader(stack);

    /// <summary>A reader of the stored pixel type; <typeparamref name="T"/> must match it.</summary>
    public static ISlabReader<T> Typed<T>(TiffStack stack)
        where T : unmanaged => new TypedReader<T>(stack);

    private static VolumeShape ShapeOf(TiffStack stack) => new(stack.Info.Depth, stack.Info.Height, stack.Info.Width);

    private sealed class FloatReader(TiffStack stack) : ISlabReader<float>
    {
        public VolumeShape Shape { get; } = ShapeOf(stack);

        public float[,,] ReadSlab(int zStart, int zEnd) => stack.ReadSlicesAsFloat(zStart, zEnd);
    }

    private sealed class TypedReader<T>(TiffStack stack) : ISlabReader<T>
        where T : unmanaged
    {
        public VolumeShape Shape { get; } = ShapeOf(stack);

        public T[,,] ReadSlab(int zStart, int zEnd) => stack.ReadSlices<T>(zStart, zEnd);
    }
}
