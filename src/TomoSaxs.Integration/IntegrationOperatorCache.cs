using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// Builds each integration operator once per (geometry, detector shape, mask, binning, options) and hands out the
/// same instance afterwards; optionally also keeps the operators as files in a cache folder so later processes
/// skip the build. Keys are SHA-256 hashes of a canonical description of all inputs (the mask by its content hash).
/// Thread-safe: concurrent requests for one key build it once.
/// </summary>
public sealed class IntegrationOperatorCache
{
    // Bump when a change to the builders changes operator contents, so stale cache files are not reused.
    private const string AlgorithmVersion = "pyfai-0.21.3-parity-1";

    private readonly ConcurrentDictionary<string, Lazy<object>> _entries = new();
    private readonly string? _folder;

    /// <summary>Creates an in-process cache, optionally backed by a folder of operator files.</summary>
    /// <param name="cacheFolder">Folder for operator files (created if missing); null for memory only.</param>
    public IntegrationOperatorCache(string? cacheFolder = null)
    {
        _folder = cacheFolder;
        if (_folder is not null)
        {
            Directory.CreateDirectory(_folder);
        }
    }

    /// <summary>Number of cached objects (pixel maps and operators).</summary>
    public int Count => _entries.Count;

    /// <summary>The per-pixel geometry of a detector, computed once per (geometry, shape).</summary>
    /// <param name="geometry">Detector geometry.</param>
    /// <param name="rows">Detector rows.</param>
    /// <param name="cols">Detector columns.</param>
    public PixelMap PixelMap(PoniGeometry geometry, int rows, int cols) =>
        GetOrAdd(Key("pixelmap", geometry, rows, cols, null, null), () => Geometry.PixelMap.Create(geometry, rows, cols));

    /// <summary>The 1-D I(q) operator for a geometry, mask and specification.</summary>
    /// <param name="geometry">Detector geometry.</param>
    /// <param name="mask">Excluded pixels; its shape is the detector shape.</param>
    /// <param name="spec">Binning and options.</param>
    public RadialProfileOperator RadialProfile(PoniGeometry geometry, DetectorMask mask, RadialProfileSpec spec)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var key = Key("radial-profile", geometry, mask.Rows, mask.Cols, mask, spec);
        return GetOrAdd(key, () => LoadOrBuild(
            key, "radial-profile",
            () =>
            {
                var op = RadialProfileOperator.Build(PixelMap(geometry, mask.Rows, mask.Cols), mask, spec);
                return (op, [op.Radial], op.Matrix);
            },
            (axes, matrix) => new RadialProfileOperator(spec, axes[0], matrix)));
    }

    /// <summary>The 2-D cake operator for a geometry, mask and specification.</summary>
    /// <param name="geometry">Detector geometry.</param>
    /// <param name="mask">Excluded pixels.</param>
    /// <param name="spec">Binning and ranges.</param>
    public CakeOperator Cake(PoniGeometry geometry, DetectorMask mask, CakeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var key = Key("cake", geometry, mask.Rows, mask.Cols, mask, spec);
        return GetOrAdd(key, () => LoadOrBuild(
            key, "cake",
            () =>
            {
                var op = CakeOperator.Build(PixelMap(geometry, mask.Rows, mask.Cols), mask, spec);
                return (op, [op.Radial, op.Azimuthal], op.Matrix);
            },
            (axes, matrix) => new CakeOperator(spec, axes[0], axes[1], matrix)));
    }

    /// <summary>The band-mean I(χ) operator for a geometry, mask and specification.</summary>
    /// <param name="geometry">Detector geometry.</param>
    /// <param name="mask">Excluded pixels.</param>
    /// <param name="spec">Band, binning and range.</param>
    public AzimuthalBandOperator AzimuthalBand(PoniGeometry geometry, DetectorMask mask, AzimuthalBandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var key = Key("azimuthal-band", geometry, mask.Rows, mask.Cols, mask, spec);
        return GetOrAdd(key, () => LoadOrBuild(
            key, "azimuthal-band",
            () =>
            {
                var op = AzimuthalBandOperator.Build(PixelMap(geometry, mask.Rows, mask.Cols), mask, spec);
                return (op, [op.Radial, op.Azimuthal], op.Matrix);
            },
            (axes, matrix) => new AzimuthalBandOperator(spec, axes[0], axes[1], matrix)));
    }

    /// <summary>The pipeline band-difference I(χ) operator (its three band operators are cached individually).</summary>
    /// <param name="geometry">Detector geometry.</param>
    /// <param name="mask">Excluded pixels.</param>
    /// <param name="spec">Bands and χ binning.</param>
    public BandDifferenceOperator BandDifference(PoniGeometry geometry, DetectorMask mask, BandDifferenceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(spec);
        var key = Key("band-difference", geometry, mask.Rows, mask.Cols, mask, spec);
        return GetOrAdd(key, () => new BandDifferenceOperator(
            spec,
            AzimuthalBand(geometry, mask, spec.BandSpec(spec.PeakBandNm)),
            AzimuthalBand(geometry, mask, spec.BandSpec(spec.InnerBandNm)),
            AzimuthalBand(geometry, mask, spec.BandSpec(spec.OuterBandNm))));
    }

    /// <summary>
    /// The cache key: SHA-256 (hex) of the operator kind, the algorithm version, the geometry, the detector shape,
    /// the mask content hash and the specification.
    /// </summary>
    /// <param name="kind">Operator kind.</param>
    /// <param name="geometry">Detector geometry.</param>
    /// <param name="rows">Detector rows.</param>
    /// <param name="cols">Detector columns.</param>
    /// <param name="mask">Mask, or null when the object does not depend on one.</param>
    /// <param name="spec">Specification record, or null.</param>
    public static string Key(string kind, PoniGeometry geometry, int rows, int cols, DetectorMask? mask, object? spec)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        // JSON gives a culture-independent text with round-trip numbers, so equal inputs give equal keys.
        var description = string.Join('|',
            kind, AlgorithmVersion, JsonSerializer.Serialize(geometry), $"{rows}x{cols}", mask?.ContentHash ?? "-",
            spec is null ? "-" : spec.GetType().Name + JsonSerializer.Serialize(spec, spec.GetType()));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(description)));
    }

    private T GetOrAdd<T>(string key, Func<T> create)
        where T : class =>
        (T)_entries.GetOrAdd(key, _ => new Lazy<object>(() => create(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private T LoadOrBuild<T>(
        string key, string kind,
        Func<(T Operator, BinAxis[] Axes, CsrOperator Matrix)> build,
        Func<IReadOnlyList<BinAxis>, CsrOperator, T> fromFile)
    {
        if (_folder is null)
        {
            return build().Operator;
        }

        var path = Path.Combine(_folder, key + ".csr");
        if (File.Exists(path))
        {
            try
            {
                var (axes, matrix) = OperatorFile.Read(path, kind);
                return fromFile(axes, matrix);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException)
            {
                // A damaged or foreign file: rebuild and overwrite it below.
            }
        }

        var built = build();
        OperatorFile.Write(path, kind, built.Axes, built.Matrix);
        return built.Operator;
    }
}
