namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// The bitshuffle transpose used by the bitshuffle filter (the inverse of <see cref="BitUnshuffle"/>). For a
/// block of n elements (n a multiple of 8) of s bytes, the shuffled block holds 8·s rows of n bits: row 8·b + j
/// holds bit j of byte b of every element, element i at bit (i mod 8) of byte (i div 8) of the row.
/// </summary>
internal static class BitShuffle
{
    /// <summary>Shuffles one block of <paramref name="elementCount"/> elements of <paramref name="elementSize"/> bytes.</summary>
    public static void Block(ReadOnlySpan<byte> plain, Span<byte> shuffled, int elementCount, int elementSize)
    {
        if (elementCount % 8 != 0)
        {
            throw new ArgumentException("A bitshuffle block holds a multiple of 8 elements.", nameof(elementCount));
        }

        var rowLength = elementCount / 8;
        for (var byteIndex = 0; byteIndex < elementSize; byteIndex++)
        {
            var rowsStart = byteIndex * 8 * rowLength;
            for (var group = 0; group < rowLength; group++)
            {
                // Byte k of the 8×8 bit matrix is byte `byteIndex` of element 8·group + k; after the transpose,
                // byte j holds bit j of those eight bytes, which is this group's byte of bit row 8·byteIndex + j.
                var elementStart = group * 8 * elementSize + byteIndex;
                ulong bits = 0;
                for (var k = 0; k < 8; k++)
                {
                    bits |= (ulong)plain[elementStart + k * elementSize] << (8 * k);
                }

                bits = BitUnshuffle.Transpose8x8(bits);
                for (var row = 0; row < 8; row++)
                {
                    shuffled[rowsStart + row * rowLength + group] = (byte)(bits >> (8 * row));
                }
            }
        }
    }
}
