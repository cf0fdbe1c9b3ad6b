using System.Text.Json;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Formats.Tests.Hdf5;

namespace TomoSaxs.Formats.Tests.Nexus;

/// <summary>The model behind <c>tomosaxs inspect FILE [--json]</c>.</summary>
public sealed class InspectorTests
{
    [Fact]
    public void Tree_lists_groups_datasets_chunks_filters_and_attributes_in_h5py_order()
    {
        var root = Hdf5Inspector.Inspect(TestFiles.Fixture("scan_lz4.nxs"));

        var entry = Assert.Single(root.Children);
        Assert.Equal("/entry1", entry.Path);
        Assert.Equal(Hdf5ObjectKind.Group, entry.Kind);
        Assert.Equal(["BSDIODES", "I0", "SAXS", "SAXS_sum", "instrument", "title"], entry.Children.Select(c => c.Name));
        Assert.Equal("NXentry", entry.Attributes.Single(a => a.Name == "NX_class").Value);

        var frames = Child(root, "entry1", "SAXS", "data");
        Assert.Equal(Hdf5ObjectKind.Dataset, frames.Kind);
        Assert.Equal(new long[] { 2, 5, 64, 48 }, frames.Shape);
        Assert.Equal("int32", frames.ElementType);
        Assert.Equal(new long[] { 1, 1, 64, 48 }, frames.ChunkShape);
        var filter = Assert.Single(frames.Filters!);
        Assert.Equal(Hdf5Filters.Lz4, filter.Id);
        Assert.True(filter.CanDecode);
        Assert.Equal("counts", frames.Attributes.Single(a => a.Name == "units").Value);
        Assert.Equal(Array.Empty<long>(), Child(root, "entry1", "instrument", "SAXS", "count_time").Shape);
        Assert.Equal("string", Child(root, "entry1", "title").ElementType);
    }

    [Fact]
    public void External_link_is_shown_with_its_target_file_and_path()
    {
        var root = Hdf5Inspector.Inspect(TestFiles.Fixture("scan_external.nxs"));

        var frames = Child(root, "entry1", "SAXS", "data");
        Assert.Equal(new Hdf5LinkTarget(Hdf5LinkKind.External, "scan_external_data.h5", "/data"), frames.Link);
        Assert.Equal(new long[] { 2, 5, 64, 48 }, frames.Shape);
        var filter = Assert.Single(frames.Filters!);
        Assert.Equal(Hdf5Filters.Bitshuffle, filter.Id);
        Assert.Equal("bitshuffle", filter.Name);
        Assert.Equal("bitshuffle; see https://github.com/kiyo-masui/bitshuffle", filter.StoredName);
        Assert.Equal([0u, 3u, 4u, 0u, 2u], filter.Parameters);
        Assert.Null(Child(root, "entry1", "SAXS_sum", "sum").Link);
    }

    [Fact]
    public void Undecodable_filter_is_listed_and_flagged()
    {
        using var folder = new TomoSaxs.TestSupport.TemporaryDirectory();
        var path = TestFiles.WithUnknownFilter(folder);

        var report = NexusInspector.Inspect(path);

        var filter = Assert.Single(Child(report.Root, "entry1", "SAXS", "data").Filters!);
        Assert.Equal(32123, filter.Id);
        Assert.False(filter.CanDecode);
        Assert.Contains("filters: mystery filter!", InspectionText.Format(report));
        Assert.Contains("(32123) NOT DECODABLE", InspectionText.Format(report));
        Assert.NotNull(report.Scan);   // the metadata still reads; only the frames cannot be decoded
    }

    [Fact]
    public void Scan_report_resolves_the_I22_fields_and_prints_them()
    {
        var report = NexusInspector.Inspect(TestFiles.Fixture("scan_blosc_lz4.nxs"));

        var scan = Assert.IsType<I22ScanSummary>(report.Scan);
        Assert.Null(report.NotAScanBecause);
        Assert.Equal("/entry1", scan.Entry);
        Assert.Equal("/entry1/SAXS/data", scan.FramesPath);
        Assert.Equal(new long[] { 2, 5, 64, 48 }, scan.FramesShape);
        Assert.Equal("int32", scan.FrameElementType);
        Assert.Equal(["blosc (32001)"], scan.FrameFilters);
        Assert.Equal([-250.0, -125.0, 0.0, 125.0, 250.0], scan.XPositionsUm!);
        Assert.Equal(1.0, scan.CountTimeMinS);
        Assert.Equal(1.0, scan.CountTimeMaxS);
        Assert.Equal([2, 5], scan.IncidentFluxShape!);
        Assert.Equal([2, 5], scan.TransmittedFluxShape!);
        Assert.Empty(scan.Problems);
        Assert.Equal(new FileInfo(TestFiles.Fixture("scan_blosc_lz4.nxs")).Length, report.FileBytes);

        var text = InspectionText.Format(report);
        Assert.Contains("    data  int32 [2, 5, 64, 48]  chunks [1, 1, 64, 48]  filters: blosc (32001)", text);
        Assert.Contains("@NX_class = \"NXentry\"", text);
        Assert.Contains("I22 scan (entry /entry1): map of 2 slices × 5 positions", text);
        Assert.Contains("x positions (µm): -250, -125, 0, 125, 250", text);
        Assert.Contains("count time (s): 1", text);
    }

    [Fact]
    public void Json_report_carries_the_tree_and_the_scan()
    {
        var report = NexusInspector.Inspect(TestFiles.Fixture("scan_external.nxs"));

        using var json = JsonDocument.Parse(InspectionJson.Serialize(report));

        var root = json.RootElement;
        Assert.Equal("/entry1", root.GetProperty("scan").GetProperty("entry").GetString());
        Assert.Equal("entryGroup", root.GetProperty("scan").GetProperty("layout").GetString());
        var entry = root.GetProperty("root").GetProperty("children")[0];
        Assert.Equal("entry1", entry.GetProperty("name").GetString());
        var saxs = entry.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "SAXS");
        var data = saxs.GetProperty("children")[0];
        Assert.Equal("external", data.GetProperty("link").GetProperty("kind").GetString());
        Assert.Equal("scan_external_data.h5", data.GetProperty("link").GetProperty("file").GetString());
        Assert.Equal(32008, data.GetProperty("filters")[0].GetProperty("id").GetInt32());
        Assert.Equal(64, data.GetProperty("shape")[2].GetInt32());
    }

    [Fact]
    public void Non_scan_file_is_inspected_and_says_why_it_is_not_a_scan()
    {
        var report = NexusInspector.Inspect(TestFiles.Fixture("calibration.nxs"));

        Assert.Null(report.Scan);
        Assert.Contains("/entry1/SAXS/data", report.NotAScanBecause);
        Assert.Equal("Angstrom", Child(report.Root, "entry1", "calibration_sample", "beam", "incident_wavelength")
            .Attributes.Single(a => a.Name == "units").Value);
        Assert.Contains("Not an I22 scan: /entry1/SAXS/data: does not exist", InspectionText.Format(report));
    }

    private static Hdf5Node Child(Hdf5Node node, params string[] names)
    {
        foreach (var name in names)
        {
            node = node.Children.Single(child => child.Name == name);
        }

        return node;
    }
}
