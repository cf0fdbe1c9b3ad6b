using System.Text.Json;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Formats.Tests.Hdf5;

namespace TomoSaxs.Formats.Tests.Nexus;

/// <summary>Every shared I22 scan fixture, whatever its filter, reads back the values in expected.json.</summary>
public sealed class I22ScanFixtureTests
{
    private static readonly JsonElement Expected = ExpectedValues.Load(TestFiles.Fixture("expected.json"));

    public static TheoryData<string> Scans() => TestFiles.ScanFixtureNames();

    [Theory]
    [MemberData(nameof(Scans))]
    public void Shape_layout_and_filter_are_resolved(string name)
    {
        using var scan = I22Scan.Open(TestFiles.Fixture(name));

        var shape = ExpectedValues.Longs(Expected.GetProperty("shape"));
        Assert.Equal(shape, scan.Frames.Shape);
        Assert.Equal((int)shape[0], scan.Slices);
        Assert.Equal((int)shape[1], scan.Positions);
        Assert.Equal((int)shape[2], scan.FrameRows);
        Assert.Equal((int)shape[3], scan.FrameColumns);
        Assert.False(scan.IsLineScan);
        Assert.Equal(I22LayoutKind.EntryGroup, scan.Layout.Kind);
        Assert.Equal("/entry1", scan.Layout.Entry);
        Assert.Equal(Hdf5ElementType.Int32, scan.Frames.ElementType);
        Assert.Equal(new long[] { 1, 1, 64, 48 }, scan.Frames.ChunkShape);
        Assert.Equal(ExpectedFilters(name), scan.Frames.Filters.Select(filter => filter.Id));
    }

    [Theory]
    [MemberData(nameof(Scans))]
    public void Pixel_checks_match(string name)
    {
        using var scan = I22Scan.Open(TestFiles.Fixture(name));

        foreach (var check in Expected.GetProperty("pixel_checks").EnumerateArray())
        {
            var index = ExpectedValues.Longs(check.GetProperty("index"));
            var frame = scan.ReadFrame<int>((int)index[0], (int)index[1]);
            Assert.Equal(check.GetProperty("value").GetInt32(), frame[(int)index[2], (int)index[3]]);
        }
    }

    [Theory]
    [MemberData(nameof(Scans))]
    public void Frame_sums_match_both_the_recorded_sums_and_the_decoded_pixels(string name)
    {
        using var scan = I22Scan.Open(TestFiles.Fixture(name));
        var expected = ExpectedValues.Flatten(Expected.GetProperty("frame_sum_per_point"));

        var recorded = scan.ReadFrameSums();
        var decoded = new List<double>();
        for (var slice = 0; slice < scan.Slices; slice++)
        {
            for (var position = 0; position < scan.Positions; position++)
            {
                decoded.Add(scan.ReadFrame<double>(slice, position).Pixels.Sum());
            }
        }

        Assert.Equal(expected, recorded.Values);
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [MemberData(nameof(Scans))]
    public void Positions_count_time_and_fluxes_match(string name)
    {
        using var scan = I22Scan.Open(TestFiles.Fixture(name));

        var xMm = ExpectedValues.Doubles(Expected.GetProperty("x_positions_mm"));
        ExpectedValues.AssertClose([.. xMm.Select(mm => mm * 1000)], scan.ReadXPositionsUm());
        var counts = scan.ReadCountTimesS();
        Assert.All(counts.Values, seconds => Assert.Equal(Expected.GetProperty("count_time_s").GetDouble(), seconds));
        Assert.Equal(scan.Slices * scan.Positions, counts.Values.Count);
        ExpectedValues.AssertClose(ExpectedValues.Flatten(Expected.GetProperty("i0_channel5_mean")), scan.ReadIncidentFlux().Values);
        ExpectedValues.AssertClose(ExpectedValues.Flatten(Expected.GetProperty("transmitted_channel1_mean")), scan.ReadTransmittedFlux().Values);
    }

    [Fact]
    public void Y_positions_are_read_in_micrometres_when_recorded()
    {
        using var scan = I22Scan.Open(TestFiles.Fixture("scan_none.nxs"));
        using var external = I22Scan.Open(TestFiles.Fixture("scan_external.nxs"));

        // scan_none.nxs stores base_y_value_set = [1, 1.025] mm; scan_external.nxs stores no y positions.
        ExpectedValues.AssertClose([1000.0, 1025.0], scan.ReadYPositionsUm()!);
        Assert.Null(external.ReadYPositionsUm());
    }

    private static ushort[] ExpectedFilters(string name) => name switch
    {
        "scan_none.nxs" => [],
        "scan_gzip_shuffle.nxs" => [Hdf5Filters.Shuffle, Hdf5Filters.Deflate],
        "scan_lzf.nxs" => [Hdf5Filters.Lzf],
        "scan_lz4.nxs" => [Hdf5Filters.Lz4],
        "scan_bitshuffle_lz4.nxs" or "scan_external.nxs" => [Hdf5Filters.Bitshuffle],
        "scan_blosc_lz4.nxs" => [Hdf5Filters.Blosc],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a scan fixture"),
    };
}
