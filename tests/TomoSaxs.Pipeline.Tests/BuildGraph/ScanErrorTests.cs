namespace TomoSaxs.Pipeline.Tests.BuildGraph;

/// <summary>A bad scan definition or command line stops the build before any stage or stamp is written.</summary>
[Collection(BuildGraphCollection.Name)]
public sealed class ScanErrorTests
{
    [Fact]
    public void A_bad_scan_yaml_fails_with_the_loaders_messages_at_their_lines_before_any_work()
    {
        using var build = new PipelineBuild(TestScans.Yaml()
            .Replace("rotation_sign: -1", "rotation_sign: 2", StringComparison.Ordinal)
            .Replace("chi_bins: 20", "chi_bin: 20", StringComparison.Ordinal));

        var run = build.Run("Stripe");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"{build.ScanYaml}(10,77): error : geometry.rotation_sign: expected -1 or +1", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{build.ScanYaml}(12,16): error : stages.integrate.chi_bin: unknown parameter 'chi_bin'; did you mean 'chi_bins'?",
            run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(build.Artifacts), "nothing may be written for a scan that does not load");
    }

    [Theory]
    [InlineData(new[] { "--set", "integrate.chi_bins=-3" }, "--set integrate.chi_bins=-3 : error : stages.integrate.chi_bins: -3 is out of range")]
    [InlineData(new[] { "--slices", "2-5" }, "--slices 2-5 : error : slice 4 is out of range: the scan has 4 slices (0–3).")]
    public void A_bad_command_line_fails_before_any_work(string[] arguments, string message)
    {
        using var build = new PipelineBuild();

        var run = build.Run(["Stripe", .. arguments]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(build.Artifacts));
    }

    [Fact]
    public void A_missing_scan_is_named()
    {
        using var build = new PipelineBuild();

        var run = build.Run("Stripe", "--scan", "nosuch");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("scans/nosuch/scan.yaml : error : the scan definition file does not exist.", run.Output, StringComparison.Ordinal);
    }
}
