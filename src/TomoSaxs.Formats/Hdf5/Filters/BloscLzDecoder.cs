namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// Decodes BloscLZ, Blosc's built-in LZ77 codec (a FastLZ level-2 relative). The low five bits of the first byte
/// start the first token. A token below 32 is a literal run of token+1 bytes. Otherwise the top three bits give
/// the match length minus 2 (7 = add following bytes until one is not 255), the low five bits and the next byte
/// the distance minus 1; a distance byte of 255 with all five low bits set announces a 16-bit far distance.
/// </summary>
internal static class BloscLzDecoder
{
    private const int MaxNearDistance = 8191;

    /// <summary>Decodes <paramref name="input"/> into <paramref name="output"/>; returns the bytes written.</summary>
    /// <exception cref="InvalidDataException">The stream is malformed or does not fit the output.</exception>
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.IsEmpty)
        {
            return 0;
        }

        var inputPosition = 1;
        var outputPosition = 0;
        int token = input[0] & 31;

        while (true)
        {
            if (token < 32)
            {
                var length = token + 1;
                if (inputPosition + length > input.Length || outputPosition + length > output.Length)
                {
                    throw new InvalidDataException("BloscLZ literal run extends past the end of its buffer.");
                }

                input.Slice(inputPosition, length).CopyTo(output[outputPosition..]);
                inputPosition += length;
                outputPosition += length;
            }
            else
            {
                var length = (token >> 5) - 1;
                var distance = (token & 31) << 8;
                if (length == 6)
                {
                    int extra;
                    do
                    {
                        extra = ReadByte(input, ref inputPosition);
                        length += extra;
                    }
                    while (extra == 255);
                }

                var distanceLow = ReadByte(input, ref inputPosition);
                length += 3;
                distance += distanceLow;
                if (distanceLow == 255 && (token & 31) == 31)
                {
                    distance = (ReadByte(input, ref inputPosition) << 8) + ReadByte(input, ref inputPosition) + MaxNearDistance;
                }

                var from = outputPosition - distance - 1;
                if (from < 0 || outputPosition + length > output.Length)
                {
                    throw new InvalidDataException("BloscLZ match points outside the decoded block.");
                }

                LzfDecoder.CopyMatch(output, from, outputPosition, length);
                outputPosition += length;
            }

            if (inputPosition >= input.Length)
            {
                return outputPosition;
            }

            token = input[inputPosition++];
        }
    }

    private static int ReadByte(ReadOnlySpan<byte> input, ref int position)
    {
        if (position >= input.Length)
        {
            throw new InvalidDataException("BloscLZ match is cut off at the end of its buffer.");
        }

        return input[position++];
    }
}
