using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TomoSaxs.Pipeline.Tests.BuildGraph;
using TomoSaxs.Pipeline.TestStages;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>Interrupting build.sh while it waits for its job array: its jobs go, other people's stay.</summary>
[Collection(SlurmCollection.Name)]
public sealed partial class SlurmInterruptionTests(SlurmClusterFixture fixture)
{
    /// <summary>
    /// SIGINT or SIGTERM to build.sh (kill, a scheduler), SIGINT to its whole process group (Ctrl-C in a terminal), or
    /// SIGTERM to MSBuild alone (which .NET ends at once, with exit code 0, leaving its task host behind).
    /// </summary>
    [Theory]
    [InlineData("INT", "build.sh")]
    [InlineData("TERM", "build.sh")]
    [InlineData("INT", "process group")]
    [InlineData("TERM", "MSBuild")]
    public void Interrupting_a_waiting_build_cancels_its_own_jobs_and_leaves_others_alone(string signal, string target)
    {
        var cluster = fixture.Cluster;
        using var build = SlurmBuild.Create(cluster, defaultSignals: true);
        build.Environment[StripeStage.DelayVariable] = "300"; // ~3 s per slice, so the array is still busy when interrupted
        var someoneElse = cluster.Run("sbatch", "--parsable", "--job-name=someone-else", "--output=/dev/null", "--wrap", "sleep 300");
        Assert.True(someoneElse.Succeeded, someoneElse.Message);
        var foreign = SlurmOutput.JobId(someoneElse.Output);
        try
        {
            using var process = build.Start("Stripe", "--executor", "slurm");
            var output = PipelineBuild.CollectOutput(process);
            var job = WaitUntilRunning(process, output);

            var pid = target switch
            {
                "build.sh" => process.Id.ToString(CultureInfo.InvariantCulture),
                "process group" => $"-{process.Id}", // setsid made build.sh the leader of its own group
                _ => MSBuildOf(process.Id),
            };
            using (var kill = Process.Start("kill", [$"-{signal}", "--", pid]))
            {
                kill.WaitForExit();
            }

            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"build.sh did not end after SIG{signal}:\n{output}");
            process.WaitForExit();
            Assert.NotEqual(0, process.ExitCode);
            // The task host cancels its job itself, and build.sh cancels whatever its build still lists once MSBuild has exited.
            Assert.Matches("cancelling (its SLURM job|the SLURM jobs this build submitted)", output.ToString());
            var queued = cluster.QueuedJobs();
            Assert.DoesNotContain(queued, id => id == job || id.StartsWith(job + "_", StringComparison.Ordinal));
            Assert.Contains(foreign, queued);
            Assert.False(File.Exists(build.Artifact("slices/02/stripe.txt")), "the last slice cannot have finished");
        }
        finally
        {
            cluster.Run("scancel", foreign);
        }
    }

    /// <summary>The MSBuild process build.sh started (its one child).</summary>
    private static string MSBuildOf(int buildSh)
    {
        var children = File.ReadAllText($"/proc/{buildSh}/task/{buildSh}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var child = Assert.Single(children);
        Assert.Contains("msbuild\0", File.ReadAllText($"/proc/{child}/cmdline"), StringComparison.Ordinal);
        return child;
    }

    /// <summary>Waits until the build reports a task of its array running; returns the array job id.</summary>
    private static string WaitUntilRunning(Process process, System.Text.StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            if (Running().Match(text) is { Success: true } running)
            {
                return running.Groups["job"].Value;
            }

            Assert.False(process.HasExited, $"the build ended before any task ran:\n{text}");
            Thread.Sleep(100);
        }

        Assert.Fail($"no task of the array was seen running:\n{output}");
        return "";
    }

    [GeneratedRegex(@"Stripe on SLURM \(job (?<job>\d+)\): \d+ pending, [1-9]\d* running")]
    private static partial Regex Running();
}
