using TomoSaxs.Phantom;
using TomoSaxs.Scan;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Cli.Tests;

/// <summary>`tomosaxs phantom`: the committed example preset generates a complete, loadable scan within its size budget.</summary>
public sealed class PhantomCommandTests
{
    [Fact]
    public void The_example_preset_writes_a_loadable_scan_with_its_truth_and_reports_progress()
    {
        using var folder = new TemporaryDirectory();

        var run = CliRun.Of("phantom", "--preset", "example", "--out", folder.Path, "--noise-free", "--threads", "2");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("wrote", run.Output);
        Assert.Matches(@"phantom: frames slice 3: 450/450 \(100%\), [0-9.]+/s, ETA 0 s", run.Error);
        var definition = PhantomDefinition.Load(Path.Combine(folder.Path, "scan.yaml"), rawFiles: RawFileCheck.Always);
        Assert.Equal("example", definition.Name);
        Assert.Equal("false", definition.Phantom!.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("noise")].ToString());
        Assert.All(PhantomScan.TruthFiles, name => Assert.True(File.Exists(Path.Combine(folder.Path, "truth", name)), name));
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "parts")));
        var raw = new DirectoryInfo(Path.Combine(folder.Path, "raw")).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);
        Assert.InRange(raw, 10_000_000, 300_000_000);
    }

    [Theory]
    [InlineData("--preset", "huge")]
    [InlineData("--preset", "example", "--seed", "-3")]
    [InlineData("--preset", "example", "--threads", "0")]
    public void Bad_arguments_are_usage_errors(params string[] arguments)
    {
        using var folder = new TemporaryDirectory();

        var run = CliRun.Of(["phantom", "--out", folder.Path, .. arguments]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("tomosaxs: ", run.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }
}
