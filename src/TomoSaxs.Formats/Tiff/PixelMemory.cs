using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TomoSaxs.Formats.Tiff;

/// <summary>Byte views of one z slice of a <c>[z, row, col]</c> array, so pages decode straight into it.</summary>
internal static class PixelMemory
{
    /// <summary>The bytes of slice <paramref name="z"/> of <paramref name="volume"/>.</summary>
    public static Span<byte> SliceBytes<T>(T[,,] volume, int z)
        where T : unmanaged
    {
        var sliceBytes = (long)volume.GetLength(1) * volume.GetLength(2) * Unsafe.SizeOf<T>();
        ref var first = ref MemoryMarshal.GetArrayDataReference(volume);
        // One slice must fit a span (2 GiB); whole volumes may be larger, hence the long offset.
        return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref first, (nint)(z * sliceBytes)), checked((int)sliceBytes));
    }

    /// <summary>The bytes of a whole <c>[row, col]</c> image.</summary>
    public static Span<byte> ImageBytes<T>(T[,] image)
        where T : unmanaged
    {
        var bytes = (long)image.GetLength(0) * image.GetLength(1) * Unsafe.SizeOf<T>();
        return MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(image), checked((int)bytes));
    }
}
