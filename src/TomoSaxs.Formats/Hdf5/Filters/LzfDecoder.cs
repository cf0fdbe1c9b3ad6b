namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// Decodes LZF, the byte-oriented LZ77 format of liblzf that h5py's LZF filter (HDF5 filter 32000) stores.
/// A control byte below 32 starts a literal run of control+1 bytes; otherwise its top three bits give the
/// match length (7 = read one more length byte) and its low five bits with the next byte the back distance.
/// </summary>
internal static class LzfDecoder
{
    /// <summary>Decodes <paramref name="input"/> into <paramref name="output"/>; returns the bytes written.</summary>
    /// <exception cref="InvalidDataException">The stream is malformed or does not fit the output.</exception>
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var inputPosition = 0;
        var outputPosition = 0;

        while (inputPosition < input.Length)
        {
            int control = input[inputPosition++];

            if (control < 32)
            {
                var length = control + 1;
                if (inputPosition + length > input.Length)
                {
                    throw new InvalidDataException("LZF literal run extends past the end of the compressed chunk.");
                }

                if (outputPosition + length > output.Length)
                {
                    throw new InvalidDataException("LZF data decodes to more bytes than the chunk holds.");
                }

                input.Slice(inputPosition, length).CopyTo(output[outputPosition..]);
                inputPosition += length;
                outputPosition += length;
                continue;
            }

            var matchLength = control >> 5;
            var distance = (control & 0x1f) << 8;
            if (matchLength == 7)
            {
                matchLength += ReadByte(input, ref inputPosition);
            }

            distance += ReadByte(input, ref inputPosition) + 1;
            matchLength += 2;

            var from = outputPosition - distance;
            if (from < 0)
            {
                throw new InvalidDataException("LZF back reference points before the start of the chunk.");
            }

            if (outputPosition + matchLength > output.Length)
            {
                throw new InvalidDataException("LZF data decodes to more bytes than the chunk holds.");
            }

            CopyMatch(output, from, outputPosition, matchLength);
            outputPosition += matchLength;
        }

        return outputPosition;
    }

    /// <summary>Copies an LZ77 match; an overlapping match repeats bytes written in this same copy.</summary>
    internal static void CopyMatch(Span<byte> output, int from, int to, int length)
    {
        if (to - from >= length)
        {
            output.Slice(from, length).CopyTo(output[to..]);
            return;
        }

        for (var i = 0; i < length; i++)
        {
            output[to + i] = output[from + i];
        }
    }

    private static int ReadByte(ReadOnlySpan<byte> input, ref int position)
    {
        if (position >= input.Length)
        {
            throw new InvalidDataException("LZF back reference is cut off at the end of the compressed chunk.");
        }

        return input[position++];
    }
}
