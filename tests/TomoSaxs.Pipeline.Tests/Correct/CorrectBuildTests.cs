using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Pipeline.Tests.BuildGraph;
using TomoSaxs.Pipeline.Tests.Phantom;

namespace TomoSaxs.Pipeline.Tests.Correct;

/// <summary>./build.sh Correct on the tiny synthetic scan: it runs after Register, writes each slice's
/// corrected.h5 with provenance, is up to date on a second run, and a changed correct parameter reruns Correct
/// (every slice) and not Register or anything upstream.</summary>
[Collection(BuildGraphCollection.Name)]
public sealed class CorrectBuildTests
{
    [Fact]
    public void Correct_runs_after_register_and_a_changed_correct_parameter_reruns_only_correct()
    {
        using var build = PhantomBuild.Create();

        var first = build.Run("Correct").Succeeded();

        Assert.Contains("Register: to build", first.Output, StringComparison.Ordinal);
        Assert.Contains("Correct: 2 of 2 slices to build (0-1) — outputs missing", first.Output, StringComparison.Ordinal);
        foreach (var slice in new[] { "00", "01" })
        {
            using var file = Hdf5File.Open(build.Artifact($"slices/{slice}/corrected.h5"));
            Assert.Equal("tomosaxs.corrected", file.StringAttribute("/", "artefact"));
            Assert.Contains("\"Correct\"", file.StringAttribute("/", "provenance"), StringComparison.Ordinal);
            Assert.Equal("nan", file.StringAttribute("/", "masked_fill"));
        }

        var built = build.Snapshot();
        var second = build.Run("Correct").Succeeded();
        Assert.True(PipelineBuild.Changed(built, build.Snapshot()).Count == 0, second.Output);
        Assert.Contains("everything is up to date", second.Output, StringComparison.Ordinal);

        var changed = build.Run("Correct", "--set", "correct.masked_fill=zero").Succeeded();

        Assert.Contains("Register: up to date", changed.Output, StringComparison.Ordinal);
        Assert.Contains("Correct: 2 of 2 slices to build (0-1) — parameters changed: correct.masked_fill \"nan\" → \"zero\"", changed.Output, StringComparison.Ordinal);
        var rewritten = PipelineBuild.Changed(built, build.Snapshot());
        Assert.Contains("artifacts/demo/slices/00/corrected.h5", rewritten);
        Assert.Contains("artifacts/demo/slices/01/corrected.h5", rewritten);
        Assert.DoesNotContain(rewritten, path => path.StartsWith("artifacts/demo/register/", StringComparison.Ordinal)
                                                 || path.StartsWith("artifacts/demo/calibrate/", StringComparison.Ordinal)
                                                 || path.StartsWith(PhantomBuild.RawPrefix, StringComparison.Ordinal));
        using var zeroFilled = Hdf5File.Open(build.Artifact("slices/00/corrected.h5"));
        Assert.Equal("0", zeroFilled.StringAttribute("/", "masked_fill"));
    }
}
