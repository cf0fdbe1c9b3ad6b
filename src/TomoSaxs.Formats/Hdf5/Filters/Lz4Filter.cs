using PureHDF.Filters;

namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// The HDF5 LZ4 filter plugin (HDF5 filter 32004), with its block framing, for reading and writing. Its one
/// client data value is the block size in bytes (0 = the plugin default of 1 GiB).
/// </summary>
internal sealed class Lz4Filter : IH5Filter
{
    /// <summary>The registered HDF5 filter id.</summary>
    public const ushort Id = 32004;

    /// <inheritdoc />
    public ushort FilterId => Id;

    /// <inheritdoc />
    // libhdf5 reads a version-2 filter name as a C string; PureHDF writes no terminator, so the NUL is part of it.
    public string Name => "lz4\0";

    /// <inheritdoc />
    public Memory<byte> Filter(FilterInfo info) =>
        info.Flags.HasFlag(H5FilterFlags.Decompress)
            ? Lz4BlockFraming.Decode(info.Buffer.Span)
            : Lz4BlockFraming.Encode(info.Buffer.Span, info.Parameters.Length > 0 ? (int)info.Parameters[0] : 0);

    /// <inheritdoc />
    public uint[] GetParameters(uint[] chunkDimensions, uint typeSize, Dictionary<string, object>? options) => [0];
}
