using System.Buffers.Binary;
using K4os.Compression.LZ4;
using TomoSaxs.Formats.Hdf5.Filters;

namespace TomoSaxs.Formats.Tests.Hdf5;

/// <summary>
/// The bitshuffle decoder against a reference encoder written bit by bit from the format's definition, for the
/// cases the shared fixture (one full-size chunk, default block size) does not reach: several blocks, a short
/// last block, trailing elements that are not a multiple of 8, other element sizes, and no compression.
/// </summary>
public sealed class BitshuffleTests
{
    [Fact]
    public void Transpose8x8_matches_a_bit_by_bit_transpose()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var x = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
            ulong expected = 0;
            for (var row = 0; row < 8; row++)
            {
                for (var column = 0; column < 8; column++)
                {
                    expected |= ((x >> (8 * row + column)) & 1) << (8 * column + row);
                }
            }

            Assert.Equal(expected, BitUnshuffle.Transpose8x8(x));
        }
    }

    [Theory]
    [InlineData(1003, 4, 64)]   // 15 full blocks, a last block of 40, 3 trailing elements
    [InlineData(16, 4, 0)]      // one short block (default block size 2048)
    [InlineData(5, 4, 0)]       // only trailing elements
    [InlineData(5000, 4, 0)]    // default block size: 2 full blocks and a short one
    [InlineData(777, 2, 128)]
    [InlineData(300, 8, 32)]
    [InlineData(2049, 1, 0)]
    public void Lz4_chunks_decode_to_the_plain_bytes(int elements, int elementSize, int blockSize)
    {
        var plain = RandomBytes(elements * elementSize, seed: elements);
        var effectiveBlock = blockSize == 0 ? BitshuffleFraming.DefaultBlockSize(elementSize) : blockSize;
        var chunk = ReferenceEncoder.Encode(plain, elementSize, effectiveBlock, lz4: true);

        var decoded = BitshuffleFraming.Decode(chunk, [0, 3, (uint)elementSize, (uint)blockSize, BitshuffleFraming.Lz4Compression]);

        Assert.Equal(plain, decoded);
    }

    [Theory]
    [InlineData(1003, 4, 64)]
    [InlineData(4100, 2, 0)]
    public void Uncompressed_chunks_decode_to_the_plain_bytes(int elements, int elementSize, int blockSize)
    {
        var plain = RandomBytes(elements * elementSize, seed: 3);
        var effectiveBlock = blockSize == 0 ? BitshuffleFraming.DefaultBlockSize(elementSize) : blockSize;
        var chunk = ReferenceEncoder.Encode(plain, elementSize, effectiveBlock, lz4: false);

        var decoded = BitshuffleFraming.Decode(chunk, [0, 3, (uint)elementSize, (uint)blockSize, BitshuffleFraming.NoCompression]);

        Assert.Equal(plain, decoded);
    }

    [Theory]
    [InlineData(1003, 4, 64)]
    [InlineData(16, 4, 0)]
    [InlineData(5, 4, 0)]
    [InlineData(5000, 4, 0)]
    [InlineData(777, 2, 128)]
    [InlineData(300, 8, 32)]
    [InlineData(2049, 1, 0)]
    public void The_encoder_writes_exactly_the_reference_chunk_and_decodes_back(int elements, int elementSize, int blockSize)
    {
        var plain = RandomBytes(elements * elementSize, seed: elements + 1);
        var effectiveBlock = blockSize == 0 ? BitshuffleFraming.DefaultBlockSize(elementSize) : blockSize;
        uint[] parameters(uint compression) => [0, 3, (uint)elementSize, (uint)blockSize, compression];

        var lz4 = BitshuffleFraming.Encode(plain, elementSize, blockSize, BitshuffleFraming.Lz4Compression);
        var shuffledOnly = BitshuffleFraming.Encode(plain, elementSize, blockSize, BitshuffleFraming.NoCompression);

        // Same LZ4 level as the reference encoder, so even the compressed bytes agree.
        Assert.Equal(ReferenceEncoder.Encode(plain, elementSize, effectiveBlock, lz4: true), lz4);
        Assert.Equal(ReferenceEncoder.Encode(plain, elementSize, effectiveBlock, lz4: false), shuffledOnly);
        Assert.Equal(plain, BitshuffleFraming.Decode(lz4, parameters(BitshuffleFraming.Lz4Compression)));
        Assert.Equal(plain, BitshuffleFraming.Decode(shuffledOnly, parameters(BitshuffleFraming.NoCompression)));
    }

    [Fact]
    public void Incompressible_blocks_still_round_trip()
    {
        var plain = new byte[4 * 4100];
        new Random(5).NextBytes(plain);

        var chunk = BitshuffleFraming.Encode(plain, 4, 0, BitshuffleFraming.Lz4Compression);

        Assert.True(chunk.Length > plain.Length, "random bytes cannot shrink; the chunk holds LZ4 literals plus framing");
        Assert.Equal(plain, BitshuffleFraming.Decode(chunk, [0, 3, 4, 0, BitshuffleFraming.Lz4Compression]));
    }

    [Fact]
    public void The_encoder_refuses_what_it_cannot_write()
    {
        Assert.Throws<ArgumentException>(() => BitshuffleFraming.Encode(new byte[10], 4, 0, BitshuffleFraming.Lz4Compression));
        Assert.Throws<ArgumentException>(() => BitshuffleFraming.Encode(new byte[16], 4, 12, BitshuffleFraming.Lz4Compression));
        Assert.Throws<ArgumentException>(() => BitshuffleFraming.Encode(new byte[16], 4, 0, BitshuffleFraming.ZstdCompression));
    }

    [Fact]
    public void Zstandard_option_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            BitshuffleFraming.Decode(new byte[16], [0, 3, 4, 0, BitshuffleFraming.ZstdCompression]));

        Assert.Contains("Zstandard", error.Message);
    }

    [Fact]
    public void Truncated_lz4_chunk_is_reported_not_crashed()
    {
        var plain = RandomBytes(4000, seed: 5);
        var chunk = ReferenceEncoder.Encode(plain, 4, 256, lz4: true);

        Assert.Throws<InvalidDataException>(() => BitshuffleFraming.Decode(chunk.AsSpan(0, chunk.Length / 2), [0, 3, 4, 256, 2]));
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        // Small values in random order: compressible after the transpose, as detector counts are.
        var random = new Random(seed);
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = (byte)(random.Next(4) == 0 ? random.Next(256) : random.Next(8));
        }

        return bytes;
    }

    /// <summary>Writes the bitshuffle filter's chunk format directly from its definition.</summary>
    private static class ReferenceEncoder
    {
        public static byte[] Encode(byte[] plain, int elementSize, int blockSize, bool lz4)
        {
            var elements = plain.Length / elementSize;
            var output = new List<byte>();
            if (lz4)
            {
                var header = new byte[12];
                BinaryPrimitives.WriteUInt64BigEndian(header, (ulong)plain.Length);
                BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), (uint)(blockSize * elementSize));
                output.AddRange(header);
            }

            var done = 0;
            while (elements - done >= 8)
            {
                var count = Math.Min(blockSize, (elements - done) / 8 * 8);
                var shuffled = Shuffle(plain.AsSpan(done * elementSize, count * elementSize), count, elementSize);
                if (lz4)
                {
                    var compressed = new byte[LZ4Codec.MaximumOutputSize(shuffled.Length)];
                    var length = LZ4Codec.Encode(shuffled, compressed);
                    var size = new byte[4];
                    BinaryPrimitives.WriteInt32BigEndian(size, length);
                    output.AddRange(size);
                    output.AddRange(compressed.AsSpan(0, length).ToArray());
                }
                else
                {
                    output.AddRange(shuffled);
                }

                done += count;
            }

            output.AddRange(plain.AsSpan(done * elementSize).ToArray());
            return [.. output];
        }

        /// <summary>Bit j of byte b of element i goes to bit (i mod 8) of byte i div 8 of row 8·b + j.</summary>
        private static byte[] Shuffle(ReadOnlySpan<byte> block, int count, int elementSize)
        {
            var rowLength = count / 8;
            var shuffled = new byte[block.Length];
            for (var i = 0; i < count; i++)
            {
                for (var b = 0; b < elementSize; b++)
                {
                    for (var j = 0; j < 8; j++)
                    {
                        if ((block[i * elementSize + b] >> j & 1) != 0)
                        {
                            shuffled[(8 * b + j) * rowLength + i / 8] |= (byte)(1 << (i % 8));
                        }
                    }
                }
            }

            return shuffled;
        }
    }
}
