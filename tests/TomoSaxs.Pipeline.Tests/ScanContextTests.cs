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
    [InlineData("phantom: { seed: 7 }", "missing; a synthetic scan states its number of slices here (a whole number ≥ 1).")]
    [InlineData("phantom: { slices: many }", "expected the number of slices (a whole number ≥ 1), got 'many'.")]
    [InlineData("phantom: { slices: 0 }", "expected the number of slices (a whole number ≥ 1), got '0'.")]
    [InlineData("phantom: { slices: [1, 2] }", "expected the number of slices (a whole number ≥ 1), got a sequence.")]
    public void A_synthetic_scan_must_state_a_usable_slice_count(string phantom, string message)
    {
        using var temp = new TemporaryDirectory();
        var scan = TestScans.Load(temp, yaml: TestScans.Yaml().Replace("phantom: { slices: 4, seed: 7 }", phantom, StringComparison.Ordinal));

        var error = Assert.Throws<ScanDefinitionException>(() => scan.SliceCount);

        var problem = Assert.Single(error.Problems);
        Assert.Equal("phantom.slices", problem.KeyPath);
        Assert.Equal(message, problem.Message);
        Assert.Equal(13, problem.Line);
    }

    [Fact]
    public void A_measured_scan_loads_but_says_why_its_slice_count_is_not_known_yet()
    {
        using var temp = new TemporaryDirectory();
        var yaml = TestScans.Yaml().Replace("phantom: { slices: 4, seed: 7 }", "", StringComparison.Ordinal);
        var scan = ScanContext.Load(TestScans.Write(temp.File("scan"), yaml), temp.File("artifacts"),
            options: new ScanLoadOptions { RawFileCheck = RawFileCheck.Never });

        var error = Assert.Throws<ScanDefinitionException>(() => scan.SliceCount);

        Assert.Contains("NeXus reader", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }
}
