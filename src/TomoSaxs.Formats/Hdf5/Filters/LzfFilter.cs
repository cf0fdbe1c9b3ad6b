namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>h5py's LZF filter (HDF5 filter 32000): the chunk is one LZF stream without a header.</summary>
internal sealed class LzfFilter : DecodeOnlyFilter
{
    /// <summary>The registered HDF5 filter id.</summary>
    public const ushort Id = 32000;

    /// <inheritdoc />
    public override ushort FilterId => Id;

    /// <inheritdoc />
    public override string Name => "lzf";

    /// <inheritdoc />
    protected override byte[] Decode(ReadOnlySpan<byte> stored, uint[] parameters, int chunkSize)
    {
        var plain = new byte[chunkSize];
        var written = LzfDecoder.Decode(stored, plain);
        if (written != chunkSize)
        {
            throw new InvalidDataException($"LZF chunk decoded to {written} bytes, expected {chunkSize}.");
        }

        return plain;
    }
}
