using System.Buffers.Binary;
using K4os.Compression.LZ4;

namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// Encodes and decodes the framing of the HDF5 LZ4 filter plugin (filter 32004, H5Zlz4.c): an 8-byte big-endian total size, a 4-byte
/// big-endian block size, then per block a 4-byte big-endian compressed size and the block. A block whose
/// compressed size equals its plain size was stored raw; any other block is one raw LZ4 block.
/// </summary>
internal static class Lz4BlockFraming
{
    private const int HeaderLength = 12;

    /// <summary>The plugin's default block size, 1 GiB: in practice one block per chunk.</summary>
    public const int DefaultBlockSize = 1 << 30;

    /// <summary>
    /// Encodes one chunk as the plugin does: the header records the plain size and min(block size, plain size);
    /// each block is compressed with LZ4 and stored raw instead when compression does not make it smaller.
    /// </summary>
    /// <param name="plain">The chunk's bytes.</param>
    /// <param name="blockSize">Block size in bytes; 0 for <see cref="DefaultBlockSize"/>.</param>
    public static byte[] Encode(ReadOnlySpan<byte> plain, int blockSize = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blockSize);
        blockSize = blockSize == 0 ? DefaultBlockSize : blockSize;
        blockSize = Math.Max(1, Math.Min(blockSize, plain.Length));
        var blocks = plain.Length == 0 ? 0 : (plain.Length - 1) / blockSize + 1;
        var output = new byte[HeaderLength + blocks * (4L + LZ4Codec.MaximumOutputSize(blockSize))];
        BinaryPrimitives.WriteUInt64BigEndian(output, (ulong)plain.Length);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(8), (uint)(plain.Length == 0 ? 0 : blockSize));
        var position = HeaderLength;
        for (var start = 0; start < plain.Length; start += blockSize)
        {
            var block = plain.Slice(start, Math.Min(blockSize, plain.Length - start));
            var written = LZ4Codec.Encode(block, output.AsSpan(position + 4), LZ4Level.L00_FAST);
            if (written <= 0 || written >= block.Length)
            {
                block.CopyTo(output.AsSpan(position + 4));
                written = block.Length;
            }

            BinaryPrimitives.WriteInt32BigEndian(output.AsSpan(position), written);
            position += 4 + written;
        }

        return output[..position];
    }

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
