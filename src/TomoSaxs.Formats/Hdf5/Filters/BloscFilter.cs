namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>The HDF5 Blosc filter (HDF5 filter 32001): each chunk is one Blosc 1 buffer.</summary>
internal sealed class BloscFilter : DecodeOnlyFilter
{
    /// <summary>The registered HDF5 filter id.</summary>
    public const ushort Id = 32001;

    /// <inheritdoc />
    public override ushort FilterId => Id;

    /// <inheritdoc />
    public override string Name => "blosc";

    /// <inheritdoc />
    protected override byte[] Decode(ReadOnlySpan<byte> stored, uint[] parameters, int chunkSize) =>
        BloscFrame.Decode(stored);
}
