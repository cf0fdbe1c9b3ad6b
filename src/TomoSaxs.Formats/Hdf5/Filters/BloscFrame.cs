using System.Buffers.Binary;
using System.IO.Compression;
using K4os.Compression.LZ4;

namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// Decodes one Blosc 1 buffer (format version 2), as stored per chunk by the HDF5 Blosc filter (32001).
/// Header (16 bytes): version, codec version, flags, type size, then little-endian plain size, block size and
/// compressed size. Flags: bit 0 byte shuffle, bit 1 stored uncompressed ("memcpyed"), bit 2 bit shuffle,
/// bit 4 blocks not split into per-byte streams, bits 5–7 codec (0 BloscLZ, 1 LZ4/LZ4HC, 3 zlib). Next come
/// the little-endian start offsets of the blocks; each block holds one or (split) type-size streams, each a
/// little-endian compressed length and the codec data, a length equal to the plain length meaning raw bytes.
/// </summary>
internal static class BloscFrame
{
    private const int HeaderLength = 16;
    private const int SupportedFormatVersion = 2;
    private const int ByteShuffleFlag = 0x01;
    private const int UncompressedFlag = 0x02;
    private const int BitShuffleFlag = 0x04;
    private const int ReservedFlag = 0x08;
    private const int NoSplitFlag = 0x10;
    private const int MaxSplitTypeSize = 16;
    private const int MinSplitElements = 128;

    /// <summary>Decodes one buffer and returns the plain bytes.</summary>
    /// <exception cref="InvalidDataException">The buffer is malformed or uses an unsupported codec.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> input)
    {
        if (input.Length < HeaderLength)
        {
            throw new InvalidDataException($"Blosc buffer of {input.Length} bytes is shorter than its 16-byte header.");
        }

        int version = input[0];
        int flags = input[2];
        int typeSize = input[3];
        var plainSize = BinaryPrimitives.ReadInt32LittleEndian(input[4..]);
        var blockSize = BinaryPrimitives.ReadInt32LittleEndian(input[8..]);
        var compressedSize = BinaryPrimitives.ReadInt32LittleEndian(input[12..]);

        if (version != SupportedFormatVersion)
        {
            throw new InvalidDataException($"Blosc format version {version} is not supported (only version 2, written by c-blosc 1.x).");
        }

        if ((flags & ReservedFlag) != 0)
        {
            throw new InvalidDataException($"Blosc flags 0x{flags:x2} use a reserved bit.");
        }

        if (plainSize < 0 || compressedSize < HeaderLength || compressedSize > input.Length)
        {
            throw new InvalidDataException($"Blosc header sizes (plain {plainSize}, compressed {compressedSize}) do not fit a {input.Length}-byte buffer.");
        }

        var output = new byte[plainSize];
        if (plainSize == 0)
        {
            return output;
        }

        if (typeSize <= 0 || blockSize <= 0)
        {
            throw new InvalidDataException($"Blosc header has type size {typeSize} and block size {blockSize}.");
        }

        if ((flags & UncompressedFlag) != 0)
        {
            if (HeaderLength + plainSize > compressedSize)
            {
                throw new InvalidDataException("Blosc buffer marked uncompressed is shorter than its plain size.");
            }

            input.Slice(HeaderLength, plainSize).CopyTo(output);
            return output;
        }

        var codec = Codec(flags >> 5);
        var buffer = input[..compressedSize];
        var blockCount = (plainSize + blockSize - 1) / blockSize;
        if (HeaderLength + 4L * blockCount > compressedSize)
        {
            throw new InvalidDataException($"Blosc buffer is too short for its {blockCount} block offsets.");
        }

        var streams = new byte[blockSize];
        for (var block = 0; block < blockCount; block++)
        {
            var start = block * blockSize;
            var isLeftover = start + blockSize > plainSize;
            var length = isLeftover ? plainSize - start : blockSize;
            var offset = BinaryPrimitives.ReadInt32LittleEndian(buffer[(HeaderLength + 4 * block)..]);
            DecodeBlock(buffer, offset, flags, typeSize, length, isLeftover, codec, streams, output.AsSpan(start, length));
        }

        return output;
    }

    private delegate int BlockCodec(ReadOnlySpan<byte> source, Span<byte> target);

    private static BlockCodec Codec(int code) => code switch
    {
        0 => BloscLzDecoder.Decode,
        1 => LZ4Codec.Decode,
        3 => InflateZlib,
        2 => throw new InvalidDataException("Blosc codec Snappy (format 2) is not supported; BloscLZ, LZ4 and zlib are."),
        4 => throw new InvalidDataException("Blosc codec Zstandard (format 4) is not supported; BloscLZ, LZ4 and zlib are."),
        _ => throw new InvalidDataException($"Blosc codec format {code} is unknown."),
    };

    private static void DecodeBlock(
        ReadOnlySpan<byte> buffer,
        int offset,
        int flags,
        int typeSize,
        int length,
        bool isLeftover,
        BlockCodec codec,
        byte[] streams,
        Span<byte> plain)
    {
        var byteShuffle = (flags & ByteShuffleFlag) != 0 && typeSize > 1;
        var bitShuffle = (flags & BitShuffleFlag) != 0 && length >= typeSize;
        var split = (flags & NoSplitFlag) == 0 && typeSize <= MaxSplitTypeSize
            && length / typeSize >= MinSplitElements && !isLeftover;
        var splitCount = split ? typeSize : 1;
        var splitLength = length / splitCount;

        // Unshuffling needs the decoded streams in a separate buffer; otherwise decode straight into place.
        var decoded = byteShuffle || bitShuffle ? streams.AsSpan(0, length) : plain;
        var position = offset;
        for (var s = 0; s < splitCount; s++)
        {
            if (position < HeaderLength || position + 4 > buffer.Length)
            {
                throw new InvalidDataException($"Blosc stream offset {position} lies outside the buffer.");
            }

            var storedLength = BinaryPrimitives.ReadInt32LittleEndian(buffer[position..]);
            position += 4;
            if (storedLength < 0 || position + storedLength > buffer.Length)
            {
                throw new InvalidDataException($"Blosc stream of {storedLength} bytes extends past the end of the buffer.");
            }

            var stored = buffer.Slice(position, storedLength);
            var target = decoded.Slice(s * splitLength, splitLength);
            if (storedLength == splitLength)
            {
                stored.CopyTo(target);
            }
            else if (codec(stored, target) != splitLength)
            {
                throw new InvalidDataException($"Blosc stream at byte {position} did not decode to {splitLength} bytes.");
            }

            position += storedLength;
        }

        if (byteShuffle)
        {
            ByteUnshuffle.Buffer(decoded, plain, typeSize);
        }
        else if (bitShuffle)
        {
            UnshuffleBits(decoded, plain, typeSize);
        }
    }

    /// <summary>Blosc bit-unshuffles a whole block at once when it holds a multiple of 8 elements, else copies it.</summary>
    private static void UnshuffleBits(ReadOnlySpan<byte> decoded, Span<byte> plain, int typeSize)
    {
        var elements = decoded.Length / typeSize;
        if (elements % 8 != 0)
        {
            decoded.CopyTo(plain);
            return;
        }

        var whole = elements * typeSize;
        BitUnshuffle.Block(decoded[..whole], plain[..whole], elements, typeSize);
        decoded[whole..].CopyTo(plain[whole..]);
    }

    private static int InflateZlib(ReadOnlySpan<byte> source, Span<byte> target)
    {
        using var compressed = new MemoryStream(source.ToArray(), writable: false);
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        var total = 0;
        while (total < target.Length)
        {
            var read = inflater.Read(target[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
