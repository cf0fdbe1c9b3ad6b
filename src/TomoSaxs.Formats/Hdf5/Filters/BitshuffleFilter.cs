using PureHDF.Filters;

namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// The bitshuffle filter (HDF5 filter 32008), plain or with LZ4, for reading and writing. Its client data are
/// those the bitshuffle plugin stores: [0] major and [1] minor format version, [2] element size in bytes,
/// [3] block size in elements (0 = library default), [4] compression (0 none, 2 LZ4).
/// </summary>
internal sealed class BitshuffleFilter : IH5Filter
{
    /// <summary>The registered HDF5 filter id.</summary>
    public const ushort Id = 32008;

    /// <summary>Filter option: the compression code (uint; <see cref="BitshuffleFraming.Lz4Compression"/> by default).</summary>
    public const string CompressionOption = "compression";

    /// <summary>Filter option: the block size in elements (int; 0, the default, lets readers use the library default).</summary>
    public const string BlockSizeOption = "block-size";

    // The framing written is that of bitshuffle 0.3 (unchanged since), the oldest plugin it was checked against.
    private const uint FormatMajor = 0;
    private const uint FormatMinor = 3;

    /// <inheritdoc />
    public ushort FilterId => Id;

    /// <inheritdoc />
    // libhdf5 reads a version-2 filter name as a C string; PureHDF writes no terminator, so the NUL is part of it.
    public string Name => "bitshuffle\0";

    /// <inheritdoc />
    public Memory<byte> Filter(FilterInfo info)
    {
        if (info.Flags.HasFlag(H5FilterFlags.Decompress))
        {
            return BitshuffleFraming.Decode(info.Buffer.Span, info.Parameters);
        }

        var parameters = info.Parameters;
        if (parameters.Length < 5)
        {
            throw new InvalidDataException("bitshuffle filter parameters do not give the element size, block size and compression.");
        }

        return BitshuffleFraming.Encode(info.Buffer.Span, (int)parameters[2], (int)parameters[3], parameters[4]);
    }

    /// <inheritdoc />
    public uint[] GetParameters(uint[] chunkDimensions, uint typeSize, Dictionary<string, object>? options)
    {
        var compression = options?.GetValueOrDefault(CompressionOption) is uint code ? code : BitshuffleFraming.Lz4Compression;
        var blockSize = options?.GetValueOrDefault(BlockSizeOption) is int size ? size : 0;
        if (compression is not (BitshuffleFraming.NoCompression or BitshuffleFraming.Lz4Compression))
        {
            throw new ArgumentException($"bitshuffle compression {compression} cannot be written; only none (0) and LZ4 (2) can.", nameof(options));
        }

        if (blockSize < 0 || blockSize % 8 != 0)
        {
            throw new ArgumentException($"The bitshuffle block size {blockSize} is not a multiple of 8 elements.", nameof(options));
        }

        return [FormatMajor, FormatMinor, typeSize, (uint)blockSize, compression];
    }
}
