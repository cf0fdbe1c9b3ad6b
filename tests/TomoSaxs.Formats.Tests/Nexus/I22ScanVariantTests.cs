using System.Text.Json;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Formats.Tests.Hdf5;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Nexus;

/// <summary>
/// The layouts the shared fixtures do not cover, from Nexus/Data (make_i22_variants.py): the flat legacy file
/// and an entry-group line scan with p1xy positions in µm, per-point count times in ms and several flux readings.
/// </summary>
public sealed class I22ScanVariantTests
{
    private static readonly JsonElement Expected = ExpectedValues.Load(TestFiles.NexusData("expected.json"));

    [Theory]
    [InlineData("legacy_flat.nxs", I22LayoutKind.LegacyFlat, "/")]
    [InlineData("line_scan.nxs", I22LayoutKind.EntryGroup, "/entry")]
    public void Line_scans_in_both_layouts_read_their_expected_values(string name, I22LayoutKind layout, string entry)
    {
        var expected = Expected.GetProperty(name);
        using var scan = I22Scan.Open(TestFiles.NexusData(name));

        Assert.Equal(layout, scan.Layout.Kind);
        Assert.Equal(entry, scan.Layout.Entry);
        Assert.True(scan.IsLineScan);
        Assert.Equal(1, scan.Slices);
        Assert.Equal(ExpectedValues.Longs(expected.GetProperty("frames_shape")), scan.Frames.Shape);

        var pixel = expected.GetProperty("pixel");
        var index = ExpectedValues.Longs(pixel.GetProperty("index"));
        Assert.Equal(pixel.GetProperty("value").GetInt32(), scan.ReadFrame<int>(0, (int)index[0])[(int)index[1], (int)index[2]]);

        var sums = ExpectedValues.Doubles(expected.GetProperty("frame_sum"));
        Assert.Equal(sums, scan.ReadFrameSums().Values);
        Assert.Equal(sums, Enumerable.Range(0, scan.Positions).Select(p => scan.ReadFrame<double>(0, p).Pixels.Sum()));
        ExpectedValues.AssertClose(ExpectedValues.Doubles(expected.GetProperty("x_positions_um")), scan.ReadXPositionsUm());
        ExpectedValues.AssertClose(ExpectedValues.Doubles(expected.GetProperty("count_time_s")), scan.ReadCountTimesS().Values);
        ExpectedValues.AssertClose(ExpectedValues.Doubles(expected.GetProperty("i0_channel5_mean")), scan.ReadIncidentFlux().Values);
        ExpectedValues.AssertClose(ExpectedValues.Doubles(expected.GetProperty("transmitted_channel1_mean")), scan.ReadTransmittedFlux().Values);
        Assert.Null(scan.ReadYPositionsUm());
    }

    [Fact]
    public void Legacy_layout_uses_the_flat_datasets()
    {
        using var scan = I22Scan.Open(TestFiles.NexusData("legacy_flat.nxs"));

        Assert.Equal("/data", scan.Frames.Path);
        Assert.Equal("/I0_data", scan.Layout.IncidentFlux);
        Assert.Equal("/OAV_data", scan.Layout.TransmittedFlux);
    }

    [Fact]
    public void Line_scan_falls_back_to_p1xy_positions()
    {
        using var scan = I22Scan.Open(TestFiles.NexusData("line_scan.nxs"));

        Assert.Equal("/entry/SAXS_sum/base_x_value_set", scan.Layout.XPositions[0]);
        Assert.Equal("/entry/SAXS_sum/p1xy_x_value_set", scan.Layout.XPositions[1]);
        ExpectedValues.AssertClose([100.0, 150.0, 200.0, 250.0], scan.ReadXPositionsUm());
    }

    [Fact]
    public void External_link_is_resolved_relative_to_the_linking_file()
    {
        // Copies of both files in a fresh folder, opened from a working directory that holds neither.
        using var folder = new TemporaryDirectory();
        File.Copy(TestFiles.Fixture("scan_external.nxs"), folder.File("scan_external.nxs"));
        File.Copy(TestFiles.Fixture("scan_external_data.h5"), folder.File("scan_external_data.h5"));

        using var scan = I22Scan.Open(folder.File("scan_external.nxs"));

        Assert.Equal(41, scan.ReadFrame<int>(1, 3)[10, 7]);
    }

    [Fact]
    public void Missing_external_file_is_reported_with_the_link()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("scan_external.nxs");
        File.Copy(TestFiles.Fixture("scan_external.nxs"), path);

        var error = Assert.Throws<DataFileException>(() => I22Scan.Open(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal("/entry1/SAXS/data", error.Item);
        Assert.Contains("link 'data' in group '/entry1/SAXS' cannot be followed", error.Cause);
        Assert.Contains("scan_external_data.h5", error.Cause);
    }

    [Fact]
    public void Sums_whose_shape_does_not_match_the_frames_are_refused()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("mismatch.nxs");
        var root = new TomoSaxs.Formats.Hdf5.ArtefactGroup();
        var entry = root.Group("entry1");
        entry.Group("SAXS").AddDataset("data", new int[3 * 4 * 2 * 2], [3, 4, 2, 2]);
        entry.Group("SAXS_sum").AddDataset("sum", new double[3 * 5], [3, 5]);
        TomoSaxs.Formats.Hdf5.Hdf5ArtefactWriter.Write(path, root);
        using var scan = I22Scan.Open(path);

        var error = Assert.Throws<DataFileException>(scan.ReadFrameSums);

        Assert.Equal("/entry1/SAXS_sum/sum", error.Item);
        Assert.Contains("has shape [3, 5], expected [3, 4]", error.Cause);
        Assert.Contains("does not exist", Assert.Throws<DataFileException>(scan.ReadIncidentFlux).Cause);
    }
}
