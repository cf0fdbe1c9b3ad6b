using TomoSaxs.Scan;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests;

public sealed class ScanContextTests
{
    [Fact]
    public void A_scan_loads_with_its_overrides_and_its_artefact_layout()
    {
        using var temp = new TemporaryDirectory();

        var scan = TestScans.Load(temp, OverrideList.Parse("integrate.chi_bins=90|register.vertical_offset_um=12.5"));

        Assert.Equal("demo", scan.Definition.Name);
        Assert.Equal(90, IntegrateParameters.From(scan.Definition.Stages).ChiBins);
        Assert.Equal(12.5, RegisterParameters.From(scan.Definition.Stages).VerticalOffsetUm.Value);
        Assert.Equal(["integrate.chi_bins=90", "register.vertical_offset_um=12.5"], scan.Overrides);
        Assert.Equal(temp.File("artifacts"), scan.Layout.ScanDirectory);
        Assert.Equal(4, scan.SliceCount);
    }

    [Fact]
    public void A_bad_override_fails_with_the_loaders_message()
    {
        using var temp = new TemporaryDirectory();

        var error = Assert.Throws<ScanDefinitionException>(() => TestScans.Load(temp, ["integrate.chi_bin=90"]));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("--set integrate.chi_bin=90", problem.Source);
        Assert.Contains("did you mean 'chi_bins'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_selected_slices_are_checked_against_the_slice_count()
    {
        using var temp = new TemporaryDirectory();
        var scan = TestScans.Load(temp);

        Assert.Equal([1, 2, 3], scan.SelectSlices("1-3").Slices);
        Assert.Equal([2], scan.SelectSlice(2).Slices);
        var error = Assert.Throws<ScanDefinitionException>(() => scan.SelectSlices("2-4"));
        Assert.Equal(new ScanProblem("--slices 2-4", "", "slice 4 is out of range: the scan has 4 slices (0–3)."), Assert.Single(error.Problems));
        Assert.Throws<ScanDefinitionException>(() => scan.SelectSlice(4));
    }

    [Theory]
    [InlineData("phantom: { seed: 7, raster: { slices: many } }", "phantom.raster.slices")]
    [InlineData("phantom: { seed: 7, raster: { slices: 0 } }", "phantom.raster.slices")]
    [InlineData("phantom: { seed: 7, raster: { slice: 4 } }", "phantom.raster.slice")]
    [InlineData("phantom: { raster: { slices: 4 } }", "phantom.seed")]
    public void A_bad_phantom_block_fails_at_load_with_its_key_path(string phantom, string keyPath)
    {
        using var temp = new TemporaryDirectory();
        var yaml = TestScans.Yaml().Replace("phantom: { seed: 7, raster: { slices: 4 } }", phantom, StringComparison.Ordinal);

        var error = Assert.Throws<ScanDefinitionException>(() => TestScans.Load(temp, yaml: yaml));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(keyPath, problem.KeyPath);
        Assert.Equal(13, problem.Line);
    }

    [Fact]
    public void A_synthetic_scans_slice_count_is_its_phantom_rasters()
    {
        using var temp = new TemporaryDirectory();

        var yaml = TestScans.Yaml().Replace("slices: 4", "slices: 6", StringComparison.Ordinal);

        Assert.Equal(6, TestScans.Load(temp, yaml: yaml).SliceCount);
    }

    [Fact]
    public void A_measured_scan_without_its_first_saxs_file_says_where_the_count_comes_from()
    {
        using var temp = new TemporaryDirectory();
        var yaml = TestScans.Yaml().Replace("phantom: { seed: 7, raster: { slices: 4 } }", "", StringComparison.Ordinal);
        var scan = ScanContext.Load(TestScans.Write(temp.File("scan"), yaml), temp.File("artifacts"), rawFiles: RawFileCheck.Never);

        var error = Assert.Throws<ScanDefinitionException>(() => scan.SliceCount);

        var problem = Assert.Single(error.Problems);
        Assert.Equal("raw.saxs.files", problem.KeyPath);
        Assert.Contains("first SAXS file", problem.Message, StringComparison.Ordinal);
        Assert.Contains(temp.File("scan/raw/saxs/a.nxs"), problem.Message, StringComparison.Ordinal);
    }
}
