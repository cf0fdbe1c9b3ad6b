using System.Text.Json;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Cli.Tests;

/// <summary>`tomosaxs inspect` prints the tree and the resolved I22 fields.</summary>
public class InspectCommandTests
{
    [Fact]
    public void JsonNamesFramesShapeAndFilter()
    {
        var run = CliRun.Of("inspect", SharedData.Path("fixtures", "i22", "scan_bitshuffle_lz4.nxs"), "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var text = json.RootElement.GetRawText();
        Assert.Contains("32008", text);
        Assert.Contains("entry1/SAXS/data", text);
        Assert.Contains("[2,5,64,48]", text.Replace(" ", string.Empty).Replace("\n", string.Empty).Replace("\r", string.Empty));
    }

    [Fact]
    public void TextListsDatasetsWithTheirShapes()
    {
        var run = CliRun.Of("inspect", SharedData.Path("fixtures", "i22", "scan_gzip_shuffle.nxs"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("SAXS", run.Output);
        Assert.Contains("64", run.Output);
        Assert.Contains("deflate", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("scan_external.nxs")]
    [InlineData("mask.nxs")]
    [InlineData("calibration.nxs")]
    public void PrintsExactlyWhatTheLibraryReports(string fixture)
    {
        var path = SharedData.Path("fixtures", "i22", fixture);

        var json = CliRun.Of("inspect", path, "--json");
        var text = CliRun.Of("inspect", path);

        var report = TomoSaxs.Formats.Nexus.NexusInspector.Inspect(path);
        Assert.Equal(TomoSaxs.Formats.Nexus.InspectionJson.Serialize(report) + Environment.NewLine, json.Output);
        Assert.Equal(TomoSaxs.Formats.Nexus.InspectionText.Format(report) + Environment.NewLine, text.Output);
    }

    [Fact]
    public void AMissingFileIsAnErrorNamingIt()
    {
        var run = CliRun.Of("inspect", "/nonexistent/scan.nxs");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/nonexistent/scan.nxs", run.Error);
    }
}
