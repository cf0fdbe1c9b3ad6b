namespace TomoSaxs.Calibrate.Volumes;

/// <summary>A z range [Start, End) of whole slices.</summary>
/// <param name="Start">The first slice (inclusive).</param>
/// <param name="End">One past the last slice.</param>
public readonly record struct SlabRange(int Start, int End)
{
    /// <summary>The number of slices.</summary>
    public int Depth => End - Start;

    /// <summary>Consecutive ranges of at most <paramref name="slabDepth"/> slices covering [0, <paramref name="depth"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The slab depth is below 1.</exception>
    public static IEnumerable<SlabRange> Cover(int depth, int slabDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slabDepth, 1);
        for (var start = 0; start < depth; start += slabDepth)
        {
            yield return new SlabRange(start, Math.Min(depth, start + slabDepth));
        }
    }

    /// <summary>Throws unless [start, end) is a non-empty range inside [0, depth).</summary>
    public static void Check(int start, int end, int depth)
    {
        if (start < 0 || end > depth || start >= end)
        {
            throw new ArgumentOutOfRangeException(nameof(start),
                $"The slice range [{start}, {end}) must be non-empty and within [0, {depth}).");
        }
    }
}
