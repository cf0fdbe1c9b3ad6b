using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TomoSaxs.Calibrate.Output;

/// <summary>Views of a <c>[z, row, col]</c> slab's storage as a flat C-order span.</summary>
internal static class SlabMemory
{
    /// <summary>The slab's elements as one span, C order (no copy).</summary>
    public static Span<T> AsSpan<T>(T[,,] slab)
        where T : unmanaged =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(slab)), slab.Length);

    /// <summary>A flat C-order copy of the slab.</summary>
    public static T[] Flatten<T>(T[,,] slab)
        where T : unmanaged => AsSpan(slab).ToArray();
}
