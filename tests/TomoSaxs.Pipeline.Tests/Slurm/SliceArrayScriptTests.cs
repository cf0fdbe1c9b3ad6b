using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>The job-array script: sbatch options as #SBATCH lines, the environment, one build.sh call per task.</summary>
public sealed class SliceArrayScriptTests
{
    private static SliceArrayJob Job(bool force = false, IReadOnlyList<string>? overrides = null) => new(
        "Integrate", "IVD_01", "/shared/tomosaxs", overrides ?? ["integrate.chi_bins=360", "recon.note=it's"], force,
        new SlurmSettings("cs04r", "04:00:00", "16G", 8, null, ["--qos=high"]), "0-3,7", "/data/artifacts/IVD_01/slurm/logs/Integrate_%A_%a.log",
        [new("TOMOSAXS_SCANS_ROOT", "/data/scans"), new("TOMOSAXS_ARTIFACTS_ROOT", "/data/my artifacts")], "/opt/dotnet");

    [Fact]
    public void The_script_holds_the_sbatch_options_the_environment_and_one_build_per_task()
    {
        var script = SliceArrayScript.Compose(Job());
        var lines = script.Split('\n');

        Assert.Equal("#!/bin/bash", lines[0]);
        Assert.Equal(
            [
                "#SBATCH --job-name=tomosaxs-IVD_01-Integrate", "#SBATCH --array=0-3,7",
                "#SBATCH --output=/data/artifacts/IVD_01/slurm/logs/Integrate_%A_%a.log",
                "#SBATCH --partition=cs04r", "#SBATCH --time=04:00:00", "#SBATCH --mem=16G", "#SBATCH --cpus-per-task=8", "#SBATCH --qos=high",
            ],
            lines.Where(line => line.StartsWith("#SBATCH", StringComparison.Ordinal)));
        Assert.Contains("export TOMOSAXS_SCANS_ROOT=/data/scans", lines);
        Assert.Contains("export TOMOSAXS_ARTIFACTS_ROOT='/data/my artifacts'", lines);
        Assert.Contains("export PATH=/opt/dotnet:\"$PATH\"", lines);
        Assert.Contains("cd /shared/tomosaxs", lines);
        Assert.Equal(
            "exec ./build.sh IntegrateSlice --scan IVD_01 --slice \"$SLURM_ARRAY_TASK_ID\" --set integrate.chi_bins=360 --set 'recon.note=it'\\''s'",
            lines[^2]);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public void A_forced_stage_forces_its_tasks() =>
        Assert.EndsWith("--slice \"$SLURM_ARRAY_TASK_ID\" --force\n", SliceArrayScript.Compose(Job(force: true, overrides: [])), StringComparison.Ordinal);

    [Fact]
    public void Bash_runs_the_script_to_the_build_command_with_the_words_intended()
    {
        // Replace the build by printing its arguments one per line: the quoting must give back exactly the overrides.
        var script = SliceArrayScript.Compose(Job()).Replace("exec ./build.sh", "printf '%s\\n'", StringComparison.Ordinal)
            .Replace("cd /shared/tomosaxs", "cd /", StringComparison.Ordinal);
        var start = new System.Diagnostics.ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true };
        start.Environment["SLURM_ARRAY_TASK_ID"] = "7";
        start.Environment["SLURM_ARRAY_JOB_ID"] = "12";
        using var bash = System.Diagnostics.Process.Start(start)!;
        var words = bash.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        bash.WaitForExit();

        Assert.Equal(["IntegrateSlice", "--scan", "IVD_01", "--slice", "7", "--set", "integrate.chi_bins=360", "--set", "recon.note=it's"], words[^9..]);
    }

    [Fact]
    public void The_script_is_written_whole_in_its_folder()
    {
        using var temp = new TestSupport.TemporaryDirectory();
        var path = temp.File("slurm/Integrate.sbatch");

        SliceArrayScript.Write(path, Job());

        Assert.Equal(SliceArrayScript.Compose(Job()), File.ReadAllText(path));
        Assert.Equal(["Integrate.sbatch"], Directory.GetFiles(temp.File("slurm")).Select(Path.GetFileName));
    }
}
