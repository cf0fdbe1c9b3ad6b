namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>The bitshuffle filter (HDF5 filter 32008), plain or with LZ4.</summary>
internal sealed class BitshuffleFilter : DecodeOnlyFilter
{
    /// <summary>The registered HDF5 filter id.</summary>
    public const ushort Id = 32008;

    /// <inheritdoc />
    public override ushort FilterId => Id;

    /// <inheritdoc />
    public override string Name => "bitshuffle";

    /// <inheritdoc />
    protected override byte[] Decode(ReadOnlySpan<byte> stored, uint[] parameters, int chunkSize) =>
        BitshuffleFraming.Decode(stored, parameters);
}
