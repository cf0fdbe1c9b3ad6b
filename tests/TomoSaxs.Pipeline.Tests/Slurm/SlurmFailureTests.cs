using TomoSaxs.Pipeline.Tests.BuildGraph;
using TomoSaxs.Pipeline.TestStages;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>A slice that fails in its array task: reported, the others kept, and only it resubmitted once fixed.</summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmFailureTests(SlurmClusterFixture fixture)
{
    [Fact]
    public void A_failed_slice_is_reported_with_its_log_the_others_are_kept_and_the_next_run_submits_only_it()
    {
        using var build = SlurmBuild.Create(fixture.Cluster);
        build.Environment[StripeStage.FailSliceVariable] = "1";

        var failed = build.Run("Tally", "--executor", "slurm");

        Assert.NotEqual(0, failed.ExitCode);
        var job = Assert.Single(SlurmBuild.JobIds(failed.Output, "Stripe"));
        var log = build.Artifact($"slurm/logs/Stripe_{job}_1.log");
        Assert.Contains(
            $"error : Stripe slice 01 failed on SLURM (job {job}_1: FAILED, exit code 1:0); its outputs are not up to date " +
            $"(output slices/01/stripe.txt is missing (and 1 more)). Log: {log}",
            failed.Output, StringComparison.Ordinal);
        // The task's own error line is quoted from its log, so the cause shows without opening the log.
        const string cause = "error : Stripe slice 01 failed: slice 1 fails on purpose (TOMOSAXS_TEST_STRIPE_FAIL_SLICE=1).";
        Assert.Contains(cause, File.ReadAllText(log), StringComparison.Ordinal);
        Assert.Matches(@"\n\s+\| .*" + System.Text.RegularExpressions.Regex.Escape(cause), failed.Output);
        Assert.Contains("error : Stripe: 1 of 3 slices not built on SLURM (1); the others are built and kept.", failed.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(build.Artifact("slices/00/stripe.txt")) && File.Exists(build.Artifact("slices/02/stripe.txt")));
        Assert.False(File.Exists(build.Artifact("slices/01/stripe.txt")));
        Assert.Empty(SlurmBuild.JobIds(failed.Output, "Tally")); // the build stops at the failed stage

        build.Environment.Remove(StripeStage.FailSliceVariable);
        var before = build.Snapshot();
        var fixedRun = build.Run("Tally", "--executor", "slurm").Succeeded();

        Assert.Equal("1", SlurmBuild.ArraySpec(build, "Stripe"));
        Assert.Contains("Stripe: submitted 1 of 3 slices (1) to SLURM", fixedRun.Output, StringComparison.Ordinal);
        Assert.Equal("0-2", SlurmBuild.ArraySpec(build, "Tally"));
        var changed = PipelineBuild.Changed(before, build.Snapshot());
        Assert.DoesNotContain(changed, path => path.StartsWith("artifacts/demo/slices/00/stripe", StringComparison.Ordinal) ||
                                               path.StartsWith("artifacts/demo/slices/02/stripe", StringComparison.Ordinal));
        Assert.Contains("artifacts/demo/slices/01/stripe.txt", changed);
    }
}
