using System.Buffers.Binary;
using K4os.Compression.LZ4;
using TomoSaxs.Formats.Hdf5.Filters;

namespace TomoSaxs.Formats.Tests.Hdf5;

/// <summary>Hand-built buffers for the LZF, LZ4-framing, BloscLZ and Blosc decoders, including malformed ones.</summary>
public sealed class CodecTests
{
    [Fact]
    public void Lzf_decodes_literals_and_overlapping_back_references()
    {
        // "abc" as a literal run (control 2), then a match of length 7 (control (5 << 5) | 0, distance byte 2:
        // distance 3) that repeats "abc" past its own end, then the literal "Z".
        byte[] stream = [2, (byte)'a', (byte)'b', (byte)'c', 5 << 5, 2, 0, (byte)'Z'];
        var output = new byte[11];

        var written = LzfDecoder.Decode(stream, output);

        Assert.Equal(11, written);
        Assert.Equal("abcabcabcaZ", System.Text.Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void Lzf_back_reference_before_the_start_is_an_error()
    {
        byte[] stream = [0, (byte)'a', 1 << 5, 5];

        Assert.Throws<InvalidDataException>(() => LzfDecoder.Decode(stream, new byte[16]));
    }

    [Fact]
    public void Lz4_framing_decodes_compressed_and_raw_blocks()
    {
        var compressible = Enumerable.Repeat((byte)7, 100).ToArray();
        var incompressible = new byte[28];
        new Random(2).NextBytes(incompressible);
        var packed = new byte[LZ4Codec.MaximumOutputSize(100)];
        var packedLength = LZ4Codec.Encode(compressible, packed);
        var chunk = new List<byte>();
        chunk.AddRange(BigEndian64(128));
        chunk.AddRange(BigEndian32(100));
        chunk.AddRange(BigEndian32(packedLength));
        chunk.AddRange(packed.AsSpan(0, packedLength).ToArray());
        chunk.AddRange(BigEndian32(28));   // equal to the block's plain size: stored raw
        chunk.AddRange(incompressible);

        var decoded = Lz4BlockFraming.Decode([.. chunk]);

        Assert.Equal(compressible.Concat(incompressible), decoded);
    }

    [Fact]
    public void Lz4_framing_encoder_writes_the_plugin_layout_and_round_trips()
    {
        var compressible = Enumerable.Repeat((byte)7, 100).ToArray();
        var incompressible = new byte[28];
        new Random(2).NextBytes(incompressible);
        byte[] plain = [.. compressible, .. incompressible];

        var chunk = Lz4BlockFraming.Encode(plain, blockSize: 100);

        Assert.Equal(128UL, BinaryPrimitives.ReadUInt64BigEndian(chunk));
        Assert.Equal(100U, BinaryPrimitives.ReadUInt32BigEndian(chunk.AsSpan(8)));
        var firstLength = BinaryPrimitives.ReadInt32BigEndian(chunk.AsSpan(12));
        Assert.True(firstLength < 100, "the repeated bytes compress");
        // The random block does not shrink, so it is stored raw with its plain length, as H5Zlz4.c does.
        Assert.Equal(28, BinaryPrimitives.ReadInt32BigEndian(chunk.AsSpan(16 + firstLength)));
        Assert.Equal(incompressible, chunk.AsSpan(20 + firstLength).ToArray());
        Assert.Equal(plain, Lz4BlockFraming.Decode(chunk));
        Assert.Equal(plain, Lz4BlockFraming.Decode(Lz4BlockFraming.Encode(plain)));
    }

    [Fact]
    public void Lz4_framing_with_an_impossible_size_is_an_error()
    {
        var chunk = BigEndian64(ulong.MaxValue).Concat(BigEndian32(1024)).ToArray();

        var error = Assert.Throws<InvalidDataException>(() => Lz4BlockFraming.Decode(chunk));

        Assert.Contains("plain bytes", error.Message);
    }

    [Fact]
    public void BloscLz_decodes_a_far_match()
    {
        // 9000 literal bytes, then a match at distance 9000 (beyond the 13-bit near range) of length 10.
        var literal = new byte[9000];
        new Random(4).NextBytes(literal);
        var stream = new List<byte>();
        for (var i = 0; i < literal.Length; i += 32)
        {
            var run = Math.Min(32, literal.Length - i);
            stream.Add((byte)(run - 1));
            stream.AddRange(literal.AsSpan(i, run).ToArray());
        }

        // Far distance: low five bits all set, distance byte 255, then 16 bits = distance - 1 - 8191.
        var farCode = 9000 - 1 - 8191;
        stream.AddRange([(byte)((8 - 2) << 5 | 31), 255, (byte)(farCode >> 8), (byte)farCode]);
        stream.AddRange([0, 42]);
        var output = new byte[9000 + 8 + 1];

        var written = BloscLzDecoder.Decode([.. stream], output);

        Assert.Equal(output.Length, written);
        Assert.Equal(literal.AsSpan(0, 8).ToArray(), output.AsSpan(9000, 8).ToArray());
        Assert.Equal(42, output[^1]);
    }

    [Fact]
    public void Blosc_with_a_reserved_flag_or_an_unsupported_codec_is_refused()
    {
        var header = new byte[32];
        header[0] = 2;
        header[3] = 4;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 16);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), 16);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), 32);

        header[2] = 0x08;
        Assert.Contains("reserved", Assert.Throws<InvalidDataException>(() => BloscFrame.Decode(header)).Message);
        header[2] = 4 << 5;
        Assert.Contains("Zstandard", Assert.Throws<InvalidDataException>(() => BloscFrame.Decode(header)).Message);
        header[0] = 3;
        Assert.Contains("version 3", Assert.Throws<InvalidDataException>(() => BloscFrame.Decode(header)).Message);
    }

    private static byte[] BigEndian64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] BigEndian32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
