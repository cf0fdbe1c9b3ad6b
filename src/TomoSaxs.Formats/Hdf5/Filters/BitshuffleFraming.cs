using System.Buffers.Binary;
using K4os.Compression.LZ4;

namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// Encodes and decodes chunks of the bitshuffle HDF5 filter (32008), in the framing of the bitshuffle library's
/// HDF5 plugin (bshuf_h5filter.c). Parameters: [2] element size in bytes, [3] block size
/// in elements (0 = default), [4] compression (0 none, 2 LZ4). The elements are cut into blocks; a last partial
/// block is rounded down to a multiple of 8 elements and the remaining (count mod 8) elements are stored
/// unshuffled at the end. With LZ4 the chunk starts with an 8-byte big-endian plain size and a 4-byte
/// big-endian block size in bytes, and each block is a 4-byte big-endian length plus one LZ4 block.
/// </summary>
internal static class BitshuffleFraming
{
    /// <summary>Compression value for "bitshuffle only".</summary>
    public const uint NoCompression = 0;

    /// <summary>Compression value for "bitshuffle, then LZ4".</summary>
    public const uint Lz4Compression = 2;

    /// <summary>Compression value for "bitshuffle, then Zstandard" (not supported here).</summary>
    public const uint ZstdCompression = 3;

    private const int BlockMultiple = 8;

    /// <summary>Decodes one chunk and returns the plain bytes.</summary>
    /// <exception cref="InvalidDataException">The chunk or the parameters are malformed or unsupported.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> input, IReadOnlyList<uint> parameters)
    {
        if (parameters.Count < 3 || parameters[2] == 0)
        {
            throw new InvalidDataException("bitshuffle filter parameters do not give the element size.");
        }

        var elementSize = (int)parameters[2];
        var blockSize = parameters.Count > 3 ? (int)parameters[3] : 0;
        var compression = parameters.Count > 4 ? parameters[4] : NoCompression;

        return compression switch
        {
            NoCompression => Unshuffle(input, input.Length, elementSize, blockSize == 0 ? DefaultBlockSize(elementSize) : blockSize, lz4: false),
            Lz4Compression => DecodeLz4(input, elementSize),
            ZstdCompression => throw new InvalidDataException("bitshuffle with Zstandard compression (option 3) is not supported; only none (0) and LZ4 (2) are."),
            _ => throw new InvalidDataException($"bitshuffle compression option {compression} is unknown."),
        };
    }

    /// <summary>
    /// Encodes one chunk of <paramref name="plain"/> bytes the way the bitshuffle plugin does: full blocks of
    /// <paramref name="blockSize"/> elements (0 = the library default), a last block rounded down to a multiple of
    /// 8 elements, and the remaining (count mod 8) elements copied unshuffled; with LZ4 the 12-byte big-endian
    /// header (plain size, block size in bytes) comes first and every block is a big-endian length plus one LZ4
    /// block. K4os' fast LZ4 level stands in for the plugin's LZ4_compress_default: a different but equally valid
    /// LZ4 block stream, which the C plugin decodes.
    /// </summary>
    /// <exception cref="ArgumentException">The sizes do not fit the format.</exception>
    public static byte[] Encode(ReadOnlySpan<byte> plain, int elementSize, int blockSize, uint compression)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elementSize);
        if (plain.Length % elementSize != 0)
        {
            throw new ArgumentException($"A chunk of {plain.Length} bytes is not a whole number of {elementSize}-byte elements.", nameof(plain));
        }

        blockSize = blockSize == 0 ? DefaultBlockSize(elementSize) : blockSize;
        if (blockSize < 0 || blockSize % BlockMultiple != 0)
        {
            throw new ArgumentException($"The bitshuffle block size {blockSize} is not a positive multiple of 8 elements.", nameof(blockSize));
        }

        var lz4 = compression switch
        {
            NoCompression => false,
            Lz4Compression => true,
            _ => throw new ArgumentException($"bitshuffle compression option {compression} cannot be written; only none (0) and LZ4 (2) can.", nameof(compression)),
        };

        var elementCount = plain.Length / elementSize;
        var fullBlocks = elementCount / blockSize;
        var lastBlock = elementCount % blockSize / BlockMultiple * BlockMultiple;
        var blockBytes = blockSize * elementSize;
        var bound = lz4 ? 12 + (fullBlocks + 1) * (4 + LZ4Codec.MaximumOutputSize(blockBytes)) + plain.Length % (BlockMultiple * elementSize) : plain.Length;
        var output = new byte[bound];
        var position = 0;
        if (lz4)
        {
            BinaryPrimitives.WriteUInt64BigEndian(output, (ulong)plain.Length);
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(8), (uint)blockBytes);
            position = 12;
        }

        var shuffled = new byte[blockBytes];
        var inputPosition = 0;
        for (var block = 0; block <= fullBlocks; block++)
        {
            var count = block < fullBlocks ? blockSize : lastBlock;
            if (count == 0)
            {
                continue;
            }

            var byteCount = count * elementSize;
            if (lz4)
            {
                BitShuffle.Block(plain.Slice(inputPosition, byteCount), shuffled, count, elementSize);
                var written = LZ4Codec.Encode(shuffled.AsSpan(0, byteCount), output.AsSpan(position + 4), LZ4Level.L00_FAST);
                if (written <= 0)
                {
                    throw new InvalidOperationException($"LZ4 could not encode a bitshuffle block of {byteCount} bytes.");
                }

                BinaryPrimitives.WriteInt32BigEndian(output.AsSpan(position), written);
                position += 4 + written;
            }
            else
            {
                BitShuffle.Block(plain.Slice(inputPosition, byteCount), output.AsSpan(position, byteCount), count, elementSize);
                position += byteCount;
            }

            inputPosition += byteCount;
        }

        // The trailing count mod 8 elements are stored as they are.
        plain[inputPosition..].CopyTo(output.AsSpan(position));
        position += plain.Length - inputPosition;
        return lz4 ? output[..position] : output;
    }

    /// <summary>The bitshuffle library's default block size: about 8 kB, a multiple of 8, at least 128 elements.</summary>
    internal static int DefaultBlockSize(int elementSize) =>
        Math.Max(8192 / elementSize / BlockMultiple * BlockMultiple, 128);

    private static byte[] DecodeLz4(ReadOnlySpan<byte> input, int elementSize)
    {
        if (input.Length < 12)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk of {input.Length} bytes is shorter than its 12-byte header.");
        }

        var plainSize = BinaryPrimitives.ReadUInt64BigEndian(input);
        var blockBytes = BinaryPrimitives.ReadUInt32BigEndian(input[8..]);
        if (plainSize > int.MaxValue)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk claims {plainSize} plain bytes, more than one chunk can hold.");
        }

        var blockSize = (int)(blockBytes / (uint)elementSize);
        return Unshuffle(input[12..], (int)plainSize, elementSize, blockSize, lz4: true);
    }

    private static byte[] Unshuffle(ReadOnlySpan<byte> input, int plainSize, int elementSize, int blockSize, bool lz4)
    {
        if (plainSize % elementSize != 0)
        {
            throw new InvalidDataException($"bitshuffle chunk of {plainSize} bytes is not a whole number of {elementSize}-byte elements.");
        }

        if (blockSize <= 0 || blockSize % BlockMultiple != 0)
        {
            throw new InvalidDataException($"bitshuffle block size {blockSize} is not a positive multiple of 8 elements.");
        }

        var elementCount = plainSize / elementSize;
        var output = new byte[plainSize];
        var scratch = lz4 ? new byte[blockSize * elementSize] : [];
        var inputPosition = 0;
        var outputPosition = 0;

        var fullBlocks = elementCount / blockSize;
        var lastBlock = elementCount % blockSize / BlockMultiple * BlockMultiple;
        for (var block = 0; block <= fullBlocks; block++)
        {
            var count = block < fullBlocks ? blockSize : lastBlock;
            if (count == 0)
            {
                continue;
            }

            var byteCount = count * elementSize;
            ReadOnlySpan<byte> shuffled;
            if (lz4)
            {
                shuffled = scratch.AsSpan(0, byteCount);
                inputPosition = DecompressBlock(input, inputPosition, scratch.AsSpan(0, byteCount));
            }
            else
            {
                shuffled = input.Slice(inputPosition, byteCount);
                inputPosition += byteCount;
            }

            BitUnshuffle.Block(shuffled, output.AsSpan(outputPosition, byteCount), count, elementSize);
            outputPosition += byteCount;
        }

        // The trailing count mod 8 elements are stored as they are.
        var leftover = plainSize - outputPosition;
        if (inputPosition + leftover > input.Length)
        {
            throw new InvalidDataException("bitshuffle chunk ends before its unshuffled trailing elements.");
        }

        input.Slice(inputPosition, leftover).CopyTo(output.AsSpan(outputPosition));
        return output;
    }

    /// <summary>Decodes the LZ4 block at <paramref name="position"/>; returns the position after it.</summary>
    private static int DecompressBlock(ReadOnlySpan<byte> input, int position, Span<byte> target)
    {
        if (position + 4 > input.Length)
        {
            throw new InvalidDataException("bitshuffle/LZ4 chunk ends before the size of its next block.");
        }

        var storedLength = BinaryPrimitives.ReadInt32BigEndian(input[position..]);
        position += 4;
        if (storedLength < 0 || position + storedLength > input.Length)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 block of {storedLength} bytes extends past the end of the chunk.");
        }

        if (LZ4Codec.Decode(input.Slice(position, storedLength), target) != target.Length)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 block at byte {position} did not decode to {target.Length} bytes.");
        }

        return position + storedLength;
    }
}
