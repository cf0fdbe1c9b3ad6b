namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// How an artefact dataset is stored: contiguous, or chunked with optional byte shuffle and deflate, or chunked
/// with bitshuffle + LZ4 (HDF5 filter 32008, the compression of Diamond's Pilatus frames). Deflate levels are
/// 1 (fastest), 6 (default) or 9 (smallest): the only levels PureHDF's deflate writer maps onto .NET's
/// compression levels.
/// </summary>
public sealed record ArtefactStorage
{
    private ArtefactStorage(IReadOnlyList<long>? chunkShape, int? deflateLevel, bool shuffle, bool bitshuffleLz4 = false)
    {
        ChunkShape = chunkShape;
        DeflateLevel = deflateLevel;
        Shuffle = shuffle;
        BitshuffleLz4 = bitshuffleLz4;
    }

    /// <summary>Contiguous, uncompressed storage.</summary>
    public static ArtefactStorage Contiguous { get; } = new(null, null, shuffle: false);

    /// <summary>The chunk dimensions, or null for contiguous storage.</summary>
    public IReadOnlyList<long>? ChunkShape { get; }

    /// <summary>The deflate level (1, 6 or 9), or null for no compression.</summary>
    public int? DeflateLevel { get; }

    /// <summary>Whether the byte shuffle filter runs before deflate (helps floating-point data).</summary>
    public bool Shuffle { get; }

    /// <summary>
    /// Whether chunks are stored with the bitshuffle filter (32008) in its LZ4 mode, as I22 writes detector frames;
    /// libhdf5 reads them with the bitshuffle plugin (Debian package <c>bitshuffle</c>).
    /// </summary>
    public bool BitshuffleLz4 { get; }

    /// <summary>Chunked storage, by default shuffled and deflated at level 6.</summary>
    /// <param name="chunkShape">Chunk dimensions, one per dataset dimension, each at least 1.</param>
    /// <param name="deflateLevel">1, 6 or 9; null stores the chunks uncompressed.</param>
    /// <param name="shuffle">Whether to byte-shuffle before deflate.</param>
    public static ArtefactStorage Chunked(IReadOnlyList<long> chunkShape, int? deflateLevel = 6, bool shuffle = true)
    {
        if (chunkShape.Count == 0 || chunkShape.Any(dimension => dimension < 1 || dimension > uint.MaxValue))
        {
            throw new ArgumentException("Every chunk dimension must be at least 1.", nameof(chunkShape));
        }

        if (deflateLevel is not (null or 1 or 6 or 9))
        {
            throw new ArgumentOutOfRangeException(nameof(deflateLevel), deflateLevel, "The deflate level must be 1, 6 or 9 (or null for none).");
        }

        return new ArtefactStorage([.. chunkShape], deflateLevel, shuffle && deflateLevel is not null);
    }

    /// <summary>Chunked storage compressed with bitshuffle + LZ4 (filter 32008, default block size).</summary>
    /// <param name="chunkShape">Chunk dimensions, one per dataset dimension, each at least 1 (e.g. one frame).</param>
    public static ArtefactStorage ChunkedBitshuffleLz4(IReadOnlyList<long> chunkShape)
    {
        var chunked = Chunked(chunkShape, deflateLevel: null, shuffle: false);
        return new ArtefactStorage(chunked.ChunkShape, null, shuffle: false, bitshuffleLz4: true);
    }
}
