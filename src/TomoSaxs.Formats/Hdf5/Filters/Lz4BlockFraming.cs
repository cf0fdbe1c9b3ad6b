using System.Buffers.Binary;
using K4os.Compression.LZ4;

namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// Decodes the framing of the HDF5 LZ4 filter plugin (filter 32004): an 8-byte big-endian total size, a 4-byte
/// big-endian block size, then per block a 4-byte big-endian compressed size and the block. A block whose
/// compressed size equals its plain size was stored raw; any other block is one raw LZ4 block.
/// </summary>
internal static class Lz4BlockFraming
{
    private const int HeaderLength = 12;

    /// <summary>Decodes one chunk and returns the plain bytes.</summary>
    /// <exception cref="InvalidDataException">The chunk is malformed.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> input)
    {
        if (input.Length < HeaderLength)
        {
            throw new InvalidDataException($"LZ4 chunk of {input.Length} bytes is shorter than its 12-byte header.");
        }

        var totalSize = BinaryPrimitives.ReadUInt64BigEndian(input);
        var blockSize = (long)BinaryPrimitives.ReadUInt32BigEndian(input[8..]);

        if (totalSize > int.MaxValue)
        {
            throw new InvalidDataException($"LZ4 chunk claims {totalSize} plain bytes, more than one chunk can hold.");
        }

        var output = new byte[(int)totalSize];
        if (totalSize > 0 && blockSize == 0)
        {
            throw new InvalidDataException("LZ4 chunk header gives a block size of 0.");
        }

        blockSize = Math.Min(blockSize, (long)totalSize);
        var inputPosition = HeaderLength;
        var outputPosition = 0;

        while (outputPosition < output.Length)
        {
            var plainLength = (int)Math.Min(blockSize, output.Length - outputPosition);
            if (inputPosition + 4 > input.Length)
            {
                throw new InvalidDataException("LZ4 chunk ends before the size of its next block.");
            }

            var storedLength = BinaryPrimitives.ReadInt32BigEndian(input[inputPosition..]);
            inputPosition += 4;
            if (storedLength < 0 || inputPosition + storedLength > input.Length)
            {
                throw new InvalidDataException($"LZ4 block of {storedLength} bytes extends past the end of the chunk.");
            }

            var stored = input.Slice(inputPosition, storedLength);
            var target = output.AsSpan(outputPosition, plainLength);
            if (storedLength == plainLength)
            {
                stored.CopyTo(target);
            }
            else if (LZ4Codec.Decode(stored, target) != plainLength)
            {
                throw new InvalidDataException($"LZ4 block at byte {inputPosition} did not decode to {plainLength} bytes.");
            }

            inputPosition += storedLength;
            outputPosition += plainLength;
        }

        return output;
    }
}
