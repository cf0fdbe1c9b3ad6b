namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// Reverses the byte shuffle of Blosc (the same transpose as HDF5's shuffle filter): the shuffled buffer holds
/// byte 0 of every element, then byte 1 of every element, and so on; bytes beyond the last whole element are
/// stored as they are.
/// </summary>
internal static class ByteUnshuffle
{
    /// <summary>Unshuffles <paramref name="shuffled"/> into <paramref name="plain"/> (same length).</summary>
    public static void Buffer(ReadOnlySpan<byte> shuffled, Span<byte> plain, int elementSize)
    {
        var elementCount = shuffled.Length / elementSize;
        for (var byteIndex = 0; byteIndex < elementSize; byteIndex++)
        {
            var source = shuffled.Slice(byteIndex * elementCount, elementCount);
            for (var element = 0; element < elementCount; element++)
            {
                plain[element * elementSize + byteIndex] = source[element];
            }
        }

        var whole = elementCount * elementSize;
        shuffled[whole..].CopyTo(plain[whole..]);
    }
}
