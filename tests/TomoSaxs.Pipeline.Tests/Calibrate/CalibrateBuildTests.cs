using TomoSaxs.Pipeline.Tests.BuildGraph;
using TomoSaxs.Pipeline.Tests.Phantom;

namespace TomoSaxs.Pipeline.Tests.Calibrate;

/// <summary>./build.sh Calibrate on the tiny synthetic scan: it runs after the phantom's scan-level files, writes its
/// outputs, is up to date on a second run, and reruns (alone) when a calibrate parameter changes.</summary>
[Collection(BuildGraphCollection.Name)]
public sealed class CalibrateBuildTests
{
    private static readonly string[] Outputs =
        ["calibrate/calibration.h5", "calibrate/ct_map.tif", "calibrate/ct_map.tif.provenance.json", "calibrate/ct.manifest", "calibrate/ct.manifest.provenance.json"];

    [Fact]
    public void Calibrate_writes_its_outputs_then_is_up_to_date_and_a_changed_parameter_reruns_only_it()
    {
        using var build = PhantomBuild.Create();

        var first = build.Run("Calibrate").Succeeded();

        Assert.Contains("PhantomScanLevel: to build", first.Output, StringComparison.Ordinal);
        Assert.Contains("Calibrate: to build — output calibrate/calibration.h5 is missing", first.Output, StringComparison.Ordinal);
        Assert.All(Outputs.Select(build.Artifact), file => Assert.True(File.Exists(file), file));
        var slices = Directory.GetFiles(build.Artifact("calibrate/ct"), "*.tif");
        Assert.NotEmpty(slices);
        Assert.Equal(slices.Length + 1, File.ReadAllLines(build.Artifact("calibrate/ct.manifest")).Length);
        Assert.Empty(Directory.GetFileSystemEntries(build.Artifact("calibrate"), ".*"));
        var built = build.Snapshot();

        var second = build.Run("Calibrate").Succeeded();

        Assert.Contains("Calibrate on scan demo: everything is up to date.", second.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(built, build.Snapshot()));

        var changed = build.Run("Calibrate", "--set", "calibrate.tube_slab_depth=4").Succeeded();

        Assert.Contains("PhantomScanLevel: up to date", changed.Output, StringComparison.Ordinal);
        Assert.Contains("Calibrate: to build — parameters changed: calibrate.tube_slab_depth 16 → 4", changed.Output, StringComparison.Ordinal);
        var rewritten = PipelineBuild.Changed(built, build.Snapshot());
        Assert.Contains("artifacts/demo/calibrate/calibration.h5", rewritten);
        Assert.DoesNotContain(rewritten, path => path.StartsWith(PhantomBuild.RawPrefix, StringComparison.Ordinal));
        Assert.Contains("everything is up to date", build.Run("Calibrate", "--set", "calibrate.tube_slab_depth=4").Succeeded().Output, StringComparison.Ordinal);
    }
}
