using PureHDF.Filters;
using TomoSaxs.Formats.Hdf5.Filters;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// The HDF5 filters TomoSaxs can decode, and their one-time registration with PureHDF. PureHDF decodes deflate,
/// shuffle, Fletcher-32 and scale-offset itself; LZF (32000), Blosc (32001), LZ4 (32004) and bitshuffle
/// (32008) are decoded by hand-written filters because no PureHDF filter package can be obtained here. LZ4 and
/// bitshuffle also encode: PureHDF runs a registered filter's encoder on every chunk it writes and stores the
/// client data its <c>GetParameters</c> returns, so the artefact writer can produce I22-style frames.
/// </summary>
public static class Hdf5Filters
{
    /// <summary>Filter id of deflate (gzip).</summary>
    public const ushort Deflate = 1;

    /// <summary>Filter id of HDF5's byte shuffle.</summary>
    public const ushort Shuffle = 2;

    /// <summary>Filter id of the Fletcher-32 checksum.</summary>
    public const ushort Fletcher32 = 3;

    /// <summary>Filter id of N-bit packing (not decodable).</summary>
    public const ushort Nbit = 5;

    /// <summary>Filter id of scale-offset.</summary>
    public const ushort ScaleOffset = 6;

    /// <summary>Filter id of h5py's LZF.</summary>
    public const ushort Lzf = LzfFilter.Id;

    /// <summary>Filter id of Blosc.</summary>
    public const ushort Blosc = BloscFilter.Id;

    /// <summary>Filter id of the LZ4 plugin.</summary>
    public const ushort Lz4 = Lz4Filter.Id;

    /// <summary>Filter id of bitshuffle.</summary>
    public const ushort Bitshuffle = BitshuffleFilter.Id;

    private static readonly Lazy<bool> Registration = new(RegisterPluginFilters, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Dictionary<ushort, string> KnownNames = new()
    {
        [Deflate] = "deflate",
        [Shuffle] = "shuffle",
        [Fletcher32] = "fletcher32",
        [4] = "szip",
        [Nbit] = "nbit",
        [ScaleOffset] = "scaleoffset",
        [Lzf] = "lzf",
        [Blosc] = "blosc",
        [Lz4] = "lz4",
        [Bitshuffle] = "bitshuffle",
        [307] = "bzip2",
        [32015] = "zstd",
        [32013] = "zfp",
        [32017] = "sz",
    };

    private static readonly HashSet<ushort> Decodable = [Deflate, Shuffle, Fletcher32, ScaleOffset, Lzf, Blosc, Lz4, Bitshuffle];

    /// <summary>
    /// Registers the hand-written decoders with PureHDF. Safe to call any number of times from any thread;
    /// every reader in this namespace calls it before opening a file.
    /// </summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    /// <summary>Whether data stored with the filter <paramref name="id"/> can be decoded.</summary>
    public static bool CanDecode(ushort id) => Decodable.Contains(id);

    /// <summary>The usual name of filter <paramref name="id"/>, or null when the id is not a known one.</summary>
    public static string? KnownName(ushort id) => KnownNames.GetValueOrDefault(id);

    /// <summary>The ids this library decodes, in ascending order.</summary>
    public static IReadOnlyList<ushort> DecodableIds { get; } = [.. Decodable.Order()];

    private static bool RegisterPluginFilters()
    {
        H5Filter.Register(new LzfFilter());
        H5Filter.Register(new BloscFilter());
        H5Filter.Register(new Lz4Filter());
        H5Filter.Register(new BitshuffleFilter());
        return true;
    }
}
