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
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Interrupting_a_waiting_build_cancels_its_own_jobs_and_leaves_others_alone(string signal)
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

            using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"build.sh did not end after SIG{signal}:\n{output}");
            process.WaitForExit();
            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("build.sh: cancelling the SLURM jobs this build submitted", output.ToString(), StringComparison.Ordinal);
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
