namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// Reverses the bitshuffle transpose used by the bitshuffle filter and by Blosc's bit-shuffle mode. For a block
/// of n elements (n a multiple of 8) of s bytes, the shuffled block holds 8·s rows of n bits: row 8·b + j holds
/// bit j of byte b of every element, element i at bit (i mod 8) of byte (i div 8) of the row.
/// </summary>
internal static class BitUnshuffle
{
    /// <summary>Unshuffles one block of <paramref name="elementCount"/> elements of <paramref name="elementSize"/> bytes.</summary>
    public static void Block(ReadOnlySpan<byte> shuffled, Span<byte> plain, int elementCount, int elementSize)
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
                // Gather the byte of each of the 8 bit rows that covers elements 8·group … 8·group+7; after the
                // 8×8 bit transpose, byte k holds byte `byteIndex` of element 8·group + k.
                ulong bits = 0;
                for (var row = 0; row < 8; row++)
                {
                    bits |= (ulong)shuffled[rowsStart + row * rowLength + group] << (8 * row);
                }

                bits = Transpose8x8(bits);
                var elementStart = group * 8 * elementSize + byteIndex;
                for (var k = 0; k < 8; k++)
                {
                    plain[elementStart + k * elementSize] = (byte)(bits >> (8 * k));
                }
            }
        }
    }

    /// <summary>
    /// Transposes an 8×8 bit matrix whose row r is byte r (least significant first) and column c is bit c:
    /// three rounds swap the off-diagonal 1×1, 2×2 and 4×4 sub-blocks (Hacker's Delight, section 7-3).
    /// </summary>
    internal static ulong Transpose8x8(ulong x)
    {
        var t = (x ^ (x >> 7)) & 0x00AA00AA00AA00AAUL;
        x ^= t ^ (t << 7);
        t = (x ^ (x >> 14)) & 0x0000CCCC0000CCCCUL;
        x ^= t ^ (t << 14);
        t = (x ^ (x >> 28)) & 0x00000000F0F0F0F0UL;
        x ^= t ^ (t << 28);
        return x;
    }
}
