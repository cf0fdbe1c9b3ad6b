using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>What must hold before a build submits anything: SLURM's programs on PATH, the partition known.</summary>
public sealed class SlurmPreflightTests
{
    private readonly FakeSlurm slurm = new();

    [Fact]
    public void A_cluster_with_the_programs_and_the_partition_passes()
    {
        Assert.Empty(SlurmPreflight.Check(slurm, SlurmSettings.None with { Partition = "debug" }));
        Assert.Empty(SlurmPreflight.Check(slurm, SlurmSettings.None));
        Assert.Equal(["scontrol show partition debug"], slurm.Calls);
    }

    [Fact]
    public void Missing_programs_are_named()
    {
        slurm.Missing.UnionWith(["sbatch", "squeue"]);

        var problem = Assert.Single(SlurmPreflight.Check(slurm, SlurmSettings.None with { Partition = "debug" }));

        Assert.StartsWith("--executor slurm needs the SLURM client programs, but sbatch, squeue are not on PATH.", problem, StringComparison.Ordinal);
        Assert.Empty(slurm.Calls);
    }

    [Fact]
    public void An_unknown_partition_is_named_with_those_that_exist()
    {
        slurm.Partitions.Add("gpu");

        var problem = Assert.Single(SlurmPreflight.Check(slurm, SlurmSettings.None with { Partition = "cs04r" }));

        Assert.Equal(
            "The SLURM partition 'cs04r' does not exist on this cluster; its partitions are: debug, gpu. Set slurm.partition in scan.yaml or give --partition.",
            problem);
    }

    [Fact]
    public void An_unreachable_controller_is_reported_in_its_own_words()
    {
        var problem = Assert.Single(SlurmPreflight.Check(new Unreachable(), SlurmSettings.None with { Partition = "debug" }));

        Assert.Equal(
            "Could not check the SLURM partition 'debug': scontrol show partition said: slurm_load_partitions: Unable to contact slurm controller (connect failure)",
            problem);
    }

    [Fact]
    public void An_option_with_a_line_break_is_refused_before_SLURM_is_asked()
    {
        var problem = Assert.Single(SlurmPreflight.Check(slurm, SlurmSettings.None with { ExtraArgs = ["--comment=a\nrm -rf ~"] }));

        Assert.Equal("The sbatch option '--comment=a rm -rf ~' holds a line break or another control character, which a job script cannot hold.", problem);
        Assert.Empty(slurm.Calls);
    }

    private sealed class Unreachable : ICommandRunner
    {
        public string? Locate(string program) => "/usr/bin/" + program;

        public CommandResult Run(string program, IReadOnlyList<string> arguments) =>
            new(1, "", "slurm_load_partitions: Unable to contact slurm controller (connect failure)\n");
    }
}
