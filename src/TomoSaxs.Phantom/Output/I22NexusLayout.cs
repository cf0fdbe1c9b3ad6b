using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Phantom;

/// <summary>
/// Builds the I22 NeXus layout that <c>TomoSaxs.Formats.Nexus.I22Scan</c> reads (background-correction note §3.3,
/// fixtures in shared/fixtures/i22): entry1/SAXS/data (frames), entry1/SAXS_sum/{sum, base_x_value(_set),
/// base_y_value(_set)} with positions in mm, entry1/I0/data [.., readings, 6] (I0 in channel 5),
/// entry1/BSDIODES/data [.., readings, 2] (transmitted flux in channel 1) and entry1/instrument/SAXS/count_time (s).
/// A raster has a [slices, positions] point grid, a line scan a [positions] one.
/// </summary>
internal static class I22NexusLayout
{
    public const string Entry = "entry1";
    public const string FramesPath = "/entry1/SAXS/data";
    public const string SumsPath = "/entry1/SAXS_sum/sum";
    private const int I0Channels = 6;
    private const int DiodeChannels = 2;

    /// <summary>The entry group with its NeXus class, a title and the phantom's fingerprint.</summary>
    public static ArtefactGroup CreateEntry(ArtefactGroup root, string title, string fingerprint)
    {
        var entry = root.Group(Entry);
        entry.Attributes.Set("NX_class", "NXentry").Set("phantom_fingerprint", fingerprint);
        entry.AddString("title", title);
        return entry;
    }

    /// <summary>Declares the streamed, bitshuffle + LZ4 frames dataset (one frame per chunk) of shape <paramref name="pointShape"/> + [rows, columns]: int32, or float32 with <paramref name="floatFrames"/>.</summary>
    public static void AddFrames(ArtefactGroup entry, IReadOnlyList<long> pointShape, int rows, int columns, bool floatFrames = false)
    {
        var saxs = entry.Group("SAXS");
        saxs.Attributes.Set("NX_class", "NXdata");
        long[] shape = [.. pointShape, rows, columns];
        long[] chunk = [.. pointShape.Select(_ => 1L), rows, columns];
        var storage = ArtefactStorage.ChunkedBitshuffleLz4(chunk);
        var data = floatFrames ? saxs.AddStreamedDataset<float>("data", shape, storage) : saxs.AddStreamedDataset<int>("data", shape, storage);
        data.Attributes.Set("units", "counts");
    }

    /// <summary>
    /// The per-point datasets: sums, motor positions (mm), I0 and transmitted flux, count time. For a raster,
    /// <paramref name="yMm"/> holds one value per slice; for a line scan, the single height of the line. Null
    /// <paramref name="sums"/> declares the sum dataset streamed (one chunk, written with <see cref="SumsPath"/>).
    /// </summary>
    public static void AddPointData(
        ArtefactGroup entry, bool lineScan, double[]? sums, double[] xMm, double[] yMm, double[] incident, double[] transmitted, double countTimeS)
    {
        var positions = xMm.Length;
        var slices = lineScan ? 1 : yMm.Length;
        long[] pointShape = lineScan ? [positions] : [slices, positions];
        var sum = entry.Group("SAXS_sum");
        if (sums is null)
        {
            sum.AddStreamedDataset<double>("sum", pointShape, ArtefactStorage.Chunked(pointShape, deflateLevel: null, shuffle: false));
        }
        else
        {
            sum.AddDataset("sum", sums, pointShape);
        }

        var xGrid = new double[slices * positions];
        var yGrid = new double[slices * positions];
        for (var j = 0; j < slices; j++)
        {
            for (var i = 0; i < positions; i++)
            {
                xGrid[j * positions + i] = xMm[i];
                yGrid[j * positions + i] = yMm[j];
            }
        }

        sum.AddDataset("base_x_value", xGrid, pointShape).Attributes.Set("units", "mm");
        sum.AddDataset("base_x_value_set", xMm).Attributes.Set("units", "mm");
        sum.AddDataset("base_y_value", yGrid, pointShape).Attributes.Set("units", "mm");
        sum.AddDataset("base_y_value_set", yMm).Attributes.Set("units", "mm");

        var i0 = new double[slices * positions * I0Channels];
        var diodes = new double[slices * positions * DiodeChannels];
        for (var point = 0; point < slices * positions; point++)
        {
            i0[point * I0Channels + 5] = incident[point];
            diodes[point * DiodeChannels + 1] = transmitted[point];
        }

        entry.Group("I0").AddDataset("data", i0, [.. pointShape, 1, I0Channels]);
        entry.Group("BSDIODES").AddDataset("data", diodes, [.. pointShape, 1, DiodeChannels]);
        entry.Group("instrument").Group("SAXS").AddScalar("count_time", countTimeS).Attributes.Set("units", "s");
    }
}
