namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>The HDF5 LZ4 filter plugin (HDF5 filter 32004), with its block framing.</summary>
internal sealed class Lz4Filter : DecodeOnlyFilter
{
    /// <summary>The registered HDF5 filter id.</summary>
    public const ushort Id = 32004;

    /// <inheritdoc />
    public override ushort FilterId => Id;

    /// <inheritdoc />
    public override string Name => "lz4";

    /// <inheritdoc />
    protected override byte[] Decode(ReadOnlySpan<byte> stored, uint[] parameters, int chunkSize) =>
        Lz4BlockFraming.Decode(stored);
}
