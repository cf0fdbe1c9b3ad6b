using TomoSaxs.Pipeline.Tests.BuildGraph;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>A build that cannot submit fails at once, saying why, before it writes anything.</summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmConfigurationTests(SlurmClusterFixture fixture)
{
    [Theory]
    [InlineData("--partition", "nowhere", "error : The SLURM partition 'nowhere' does not exist on this cluster; its partitions are: tomosaxs. Set slurm.partition in scan.yaml or give --partition.")]
    [InlineData("--time", "four hours", "error : --time 'four hours': expected a SLURM time such as 04:00:00")]
    [InlineData("--mem", "16 GB", "error : --mem '16 GB': expected a whole number with an optional K, M, G or T unit, such as 16G.")]
    public void A_bad_sbatch_option_fails_before_anything_is_written(string option, string value, string message)
    {
        using var build = SlurmBuild.Create(fixture.Cluster);
        var before = build.Snapshot();

        var result = build.Run("Tally", "--executor", "slurm", option, value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(before, build.Snapshot()));
        Assert.Empty(fixture.Cluster.QueuedJobs());
    }

    [Fact]
    public void Sbatch_missing_from_PATH_fails_before_anything_is_written()
    {
        using var build = SlurmBuild.Create(fixture.Cluster);
        using var bin = new TemporaryDirectory();
        // Everything build.sh and the build use, and every SLURM client but sbatch.
        foreach (var program in new[] { "bash", "env", "setsid", "dirname", "nproc", "mktemp", "rm", "tr", "seq", "sleep", "dotnet", "squeue", "scontrol", "scancel", "sinfo" })
        {
            File.CreateSymbolicLink(bin.File(program), SlurmPackages.Locate(program) ?? throw new InvalidOperationException($"{program} not found"));
        }

        build.Environment["PATH"] = bin.Path;
        var before = build.Snapshot();

        var result = build.Run("Tally", "--executor", "slurm");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(
            "error : --executor slurm needs the SLURM client programs, but sbatch is not on PATH. Run the build on a cluster login node",
            result.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(before, build.Snapshot()));
    }

    [Fact]
    public void Sbatch_options_without_the_slurm_executor_are_refused()
    {
        using var build = SlurmBuild.Create(fixture.Cluster);

        var result = build.Run("Tally", "--partition", SlurmCluster.Partition);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("build.sh: --partition is an sbatch option; it applies only with --executor slurm", result.Output, StringComparison.Ordinal);
    }
}
