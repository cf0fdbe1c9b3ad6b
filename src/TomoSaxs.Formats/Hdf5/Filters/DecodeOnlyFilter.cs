using PureHDF.Filters;

namespace TomoSaxs.Formats.Hdf5.Filters;

/// <summary>
/// Base of the read-only plugin filters that PureHDF lacks (LZF, Blosc). They are hand-written decoders because
/// no PureHDF filter package for them can be obtained here; artefacts are written with deflate, and detector
/// frames with bitshuffle + LZ4, whose filters also encode.
/// </summary>
internal abstract class DecodeOnlyFilter : IH5Filter
{
    /// <inheritdoc />
    public abstract ushort FilterId { get; }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public Memory<byte> Filter(FilterInfo info)
    {
        if (!info.Flags.HasFlag(H5FilterFlags.Decompress))
        {
            throw new NotSupportedException($"TomoSaxs only reads data compressed with the {Name} filter ({FilterId}); write artefacts with deflate.");
        }

        return Decode(info.Buffer.Span, info.Parameters, info.ChunkSize);
    }

    /// <inheritdoc />
    public uint[] GetParameters(uint[] chunkDimensions, uint typeSize, Dictionary<string, object>? options) =>
        throw new NotSupportedException($"TomoSaxs cannot write data with the {Name} filter ({FilterId}); write artefacts with deflate.");

    /// <summary>Decodes one stored chunk; <paramref name="chunkSize"/> is the plain chunk size in bytes.</summary>
    protected abstract byte[] Decode(ReadOnlySpan<byte> stored, uint[] parameters, int chunkSize);
}
