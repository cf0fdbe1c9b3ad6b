using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>sbatch options from scan.yaml and the command line: checked, combined (command line wins), spelled for sbatch.</summary>
public sealed class SlurmOptionsTests
{
    private static readonly SlurmSettings FromScan = new("cs04r", "04:00:00", "16G", 8, "sm123", ["--qos=normal"]);

    [Fact]
    public void Command_line_options_override_scan_yaml_field_by_field_and_add_their_extra_arguments_last()
    {
        var commandLine = SlurmOptions.FromCommandLine("short", null, "32G", "", null, "--qos=high|--nice=10", out var problems);

        var combined = SlurmOptions.Combine(FromScan, commandLine);

        Assert.Empty(problems);
        Assert.Equal(("short", "04:00:00", "32G", 8, "sm123"), (combined.Partition, combined.Time, combined.Mem, combined.CpusPerTask, combined.Account));
        Assert.Equal(["--qos=normal", "--qos=high", "--nice=10"], combined.ExtraArgs);
        Assert.Equal(
            ["--partition=short", "--time=04:00:00", "--mem=32G", "--cpus-per-task=8", "--account=sm123", "--qos=normal", "--qos=high", "--nice=10"],
            SlurmOptions.SbatchArguments(combined));
    }

    [Fact]
    public void Nothing_given_leaves_the_cluster_defaults()
    {
        var none = SlurmOptions.Combine(SlurmSettings.None, SlurmOptions.FromCommandLine("", " ", null, null, "", "", out var problems));

        Assert.Empty(problems);
        Assert.Empty(SlurmOptions.SbatchArguments(none));
    }

    [Fact]
    public void Malformed_command_line_options_are_named_with_what_was_expected()
    {
        SlurmOptions.FromCommandLine(null, "4h", "16 GB", "0", null, null, out var problems);

        Assert.Equal(
            [
                $"--time '4h': expected {SlurmFormats.ExpectedTime}.",
                $"--mem '16 GB': expected {SlurmFormats.ExpectedMemory}.",
                "--cpus-per-task '0': expected a whole number ≥ 1.",
            ],
            problems);
    }
}
