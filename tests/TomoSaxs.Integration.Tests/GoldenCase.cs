using System.Collections.Concurrent;
using System.Text.Json;
using PureHDF;
using TomoSaxs.Geometry;
using TomoSaxs.Integration;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Integration.Tests;

/// <summary>
/// One pyFAI 0.21.3 golden case from <c>shared/golden/pyfai/{flat,tilted}</c>: geometry (JSON and .poni), the
/// synthetic frame and mask, and the expected arrays. Loaded once per process and shared by tests.
/// </summary>
internal sealed class GoldenCase
{
    private static readonly ConcurrentDictionary<string, Lazy<GoldenCase>> Cases = new();
    private readonly ConcurrentDictionary<string, double[]> _expected = new();
    private readonly ConcurrentDictionary<string, double[]> _noSplit = new();

    private GoldenCase(string name)
    {
        Name = name;
        Folder = SharedData.Path("golden", "pyfai", name);
        Json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "geometry.json"))).RootElement.Clone();
        var shape = Json.GetProperty("shape");
        Rows = shape[0].GetInt32();
        Cols = shape[1].GetInt32();
        Poni = PoniFile.Read(Path.Combine(Folder, "geometry.poni"));
        using var frameFile = H5File.OpenRead(Path.Combine(Folder, "frame.h5"));
        Frame = frameFile.Dataset("frame").Read<float[]>();
        MaskValues = frameFile.Dataset("mask").Read<byte[]>();
        Mask = DetectorMask.FromValues<byte>(MaskValues, Rows, Cols);
        Map = PixelMap.Create(Poni.Geometry, Rows, Cols);
    }

    public static IEnumerable<object[]> Names => [["flat"], ["tilted"]];

    public string Name { get; }

    public string Folder { get; }

    public JsonElement Json { get; }

    public int Rows { get; }

    public int Cols { get; }

    public PoniFile Poni { get; }

    public float[] Frame { get; }

    public byte[] MaskValues { get; }

    public DetectorMask Mask { get; }

    public PixelMap Map { get; }

    /// <summary>The 1-D/2-D q range of the golden integrations, nm⁻¹ (verified against the bin centres).</summary>
    public static ValueRange IntegrationRangeNm => new(0.15, 0.40);

    public static GoldenCase Load(string name) =>
        Cases.GetOrAdd(name, n => new Lazy<GoldenCase>(() => new GoldenCase(n))).Value;

    public ValueRange Band(string band)
    {
        var range = Json.GetProperty("bands_q_nm").GetProperty(band);
        return new ValueRange(range[0].GetDouble(), range[1].GetDouble());
    }

    /// <summary>An expected dataset of expected.h5 as doubles (float32 datasets are widened).</summary>
    public double[] Expected(string path) =>
        _expected.GetOrAdd(path, p => ReadDoubles(Path.Combine(Folder, "expected.h5"), p));

    /// <summary>
    /// A dataset of the project's pyFAI no-split reference file <c>Data/{name}_nosplit.h5</c> (see Data/README.md)
    /// as doubles.
    /// </summary>
    public double[] NoSplit(string path) =>
        _noSplit.GetOrAdd(path, p => ReadDoubles(Path.Combine(AppContext.BaseDirectory, "Data", $"{Name}_nosplit.h5"), p));

    private static double[] ReadDoubles(string file, string path)
    {
        using var h5 = H5File.OpenRead(file);
        var dataset = h5.Dataset(path);
        return dataset.Type.Size == 4
            ? dataset.Read<float[]>().Select(v => (double)v).ToArray()
            : dataset.Read<double[]>();
    }
}
