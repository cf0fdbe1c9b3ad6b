using TomoSaxs.Scan;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>
/// The SLURM executor's logic against a scripted SLURM (<see cref="FakeSlurm"/>): which slices it submits, how it
/// waits and reports, what it checks afterwards, and what it cancels. A 4-slice stage "Stripe" reads seed.txt and
/// writes slices/NN/stripe.txt; the fake's array tasks write that file as the real task would.
/// </summary>
public sealed class SliceArrayRunTests : IDisposable
{
    private readonly TemporaryDirectory temp = new();
    private readonly FakeSlurm slurm = new();
    private readonly List<string> log = [];
    private readonly ScanContext scan;
    private readonly StageDeclaration stripe;
    private readonly string seed;

    public SliceArrayRunTests()
    {
        scan = TestScans.Load(temp);
        seed = Path.Combine(scan.Layout.ScanDirectory, "seed.txt");
        stripe = new StageDeclaration("Stripe", "1", [], true,
            [new StageFile(seed, "seed")], [new StageFile(Path.Combine(scan.Layout.ScanDirectory, "slices", "{slice}", "stripe.txt"), "stripe")]);
        StageStamps.For(stripe, scan).Write();
        Write(seed, "seed");
        Thread.Sleep(20);
        slurm.RunTask = slice => Write(Output(slice), $"slice {slice}");
    }

    [Fact]
    public void Only_the_stale_slices_are_submitted_in_one_array_whose_script_records_them()
    {
        Write(Output(1), "old");
        Write(Output(2), "old");

        var result = Execute();

        Assert.Equal(SliceArrayOutcome.Built, result.Outcome);
        Assert.Equal([0, 3], result.Submitted);
        Assert.Equal($"sbatch --parsable --array=0,3 {scan.Layout.SlurmScript("Stripe")}", slurm.Calls[0]);
        Assert.Contains("#SBATCH --array=0,3\n", File.ReadAllText(scan.Layout.SlurmScript("Stripe")), StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(Output(1)));
        Assert.Contains($"Stripe: submitted 2 of 4 slices (0,3) to SLURM as job array {slurm.JobId} — outputs missing.", log[0], StringComparison.Ordinal);
        Assert.Equal($"Stripe: 2 slices built on SLURM (job {slurm.JobId}); all 4 selected slices are up to date.", log[^1]);
    }

    [Fact]
    public void Nothing_stale_submits_nothing_and_says_so()
    {
        foreach (var slice in Enumerable.Range(0, 4))
        {
            Write(Output(slice), "done");
        }

        var result = Execute();

        Assert.Equal(SliceArrayOutcome.UpToDate, result.Outcome);
        Assert.Empty(slurm.Calls);
        Assert.False(Directory.Exists(scan.Layout.SlurmDirectory));
        Assert.Equal(["Stripe: all 4 selected slices are up to date; nothing submitted to SLURM."], log);
    }

    [Fact]
    public void Force_submits_every_selected_slice_and_forces_the_tasks()
    {
        foreach (var slice in Enumerable.Range(0, 4))
        {
            Write(Output(slice), "done");
        }

        var result = Execute(slices: "1-2", force: true);

        Assert.Equal(SliceArrayOutcome.Built, result.Outcome); // rebuilt, so up to date afterwards despite --force
        Assert.Equal([1, 2], result.Submitted);
        Assert.Contains("--slice \"$SLURM_ARRAY_TASK_ID\" --force\n", File.ReadAllText(scan.Layout.SlurmScript("Stripe")), StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_counts_pending_running_done_and_failed_tasks_as_they_change()
    {
        slurm.RunTask = slice =>
        {
            if (slice == 2)
            {
                throw new InvalidOperationException("fails");
            }

            Write(Output(slice), "x");
        };

        Execute();

        var progress = log.Where(line => line.StartsWith("Stripe on SLURM", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..line.LastIndexOf(',')])
            .ToList();
        Assert.Equal(
            [
                "3 pending, 1 running, 0 done, 0 failed", "2 pending, 1 running, 1 done, 0 failed",
                "1 pending, 1 running, 2 done, 0 failed", "0 pending, 1 running, 2 done, 1 failed",
                "0 pending, 0 running, 3 done, 1 failed",
            ],
            progress);
    }

    [Fact]
    public void A_failed_slice_is_reported_by_number_with_its_state_log_and_error_lines_and_the_others_are_kept()
    {
        slurm.RunTask = slice =>
        {
            if (slice == 2)
            {
                Write(scan.Layout.SlurmLog("Stripe", slurm.JobId!, 2),
                    "build output\n/x/Stripe.targets(50,5): error : Stripe slice 02 failed: disk full [/x/TomoSaxs.Build.proj]\nBuild FAILED.\n");
                throw new InvalidOperationException("fails");
            }

            Write(Output(slice), "x");
        };

        var result = Execute();

        Assert.Equal(SliceArrayOutcome.Failed, result.Outcome);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(2, failure.Slice);
        var logFile = scan.Layout.SlurmLog("Stripe", slurm.JobId!, 2);
        Assert.Equal(
            $"Stripe slice 02 failed on SLURM (job {slurm.JobId}_2: FAILED, exit code 1:0); its outputs are not up to date " +
            $"(output slices/02/stripe.txt is missing). Log: {logFile}",
            failure.Message);
        Assert.Equal(["/x/Stripe.targets(50,5): error : Stripe slice 02 failed: disk full [/x/TomoSaxs.Build.proj]"], failure.LogExcerpt);
        Assert.All(new[] { 0, 1, 3 }, slice => Assert.True(File.Exists(Output(slice))));
    }

    [Fact]
    public void A_task_that_ended_well_but_left_its_slice_stale_is_a_failure_too()
    {
        slurm.RunTask = slice =>
        {
            if (slice != 1)
            {
                Write(Output(slice), "x");
            }
        };

        var result = Execute();

        var failure = Assert.Single(result.Failures);
        Assert.StartsWith($"Stripe slice 01 failed on SLURM (job {slurm.JobId}_1: COMPLETED, exit code 0:0); its outputs are not up to date", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void End_states_the_controller_has_forgotten_come_from_accounting_when_it_is_on(bool accounting)
    {
        slurm.ControllerForgets = true;
        slurm.Accounting = accounting;
        slurm.RunTask = slice =>
        {
            if (slice == 3)
            {
                throw new InvalidOperationException("fails");
            }

            Write(Output(slice), "x");
        };

        var failure = Assert.Single(Execute().Failures);

        Assert.Contains(accounting ? $"(job {slurm.JobId}_3: FAILED, exit code 1:0)" : $"(job {slurm.JobId}_3: finished; SLURM no longer knows how)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(accounting, slurm.Calls.Any(call => call.StartsWith("sacct", StringComparison.Ordinal)));
        Assert.Single(slurm.Calls, call => call == "scontrol show config");
    }

    [Fact]
    public void An_interrupted_wait_cancels_its_own_job_only_and_unlists_it()
    {
        using var interruption = new BuildInterruption(watchProcess: false);
        var jobs = new SubmittedJobsFile(temp.File("jobs"));
        List<string>? listedWhileRunning = null;
        slurm.OnPoll = poll =>
        {
            if (poll == 2)
            {
                listedWhileRunning = [.. jobs.Read()];
                interruption.Request("SIGINT received");
            }
        };

        var result = Execute(interrupted: interruption.Token, jobs: jobs);

        Assert.Equal(SliceArrayOutcome.Cancelled, result.Outcome);
        Assert.Equal([slurm.JobId!], listedWhileRunning);
        Assert.Empty(jobs.Read());
        Assert.Contains($"scancel {slurm.JobId}", slurm.Calls);
        Assert.Single(slurm.Calls, call => call.StartsWith("scancel", StringComparison.Ordinal));
        Assert.All(slurm.Tasks.Where(t => t.Key >= 2), task => Assert.Equal("CANCELLED", task.Value.State));
        Assert.Contains($"Stripe: SLURM job {slurm.JobId} cancelled; slices it had finished are kept.", log);
    }

    [Fact]
    public void An_interruption_before_submitting_submits_nothing()
    {
        using var interruption = new BuildInterruption(watchProcess: false);
        interruption.Request("SIGTERM received");

        var result = Execute(interrupted: interruption.Token);

        Assert.Equal(SliceArrayOutcome.Cancelled, result.Outcome);
        Assert.Empty(slurm.Calls);
        Assert.Equal("SIGTERM received", interruption.Reason);
    }

    [Fact]
    public void A_refused_submission_is_an_error_with_sbatch_s_words()
    {
        var refusing = new RefusingSbatch();

        var error = Assert.Throws<SlurmException>(() => new SliceArrayRun(new SlurmClient(refusing), log.Add).Execute(Request(null, false, null), CancellationToken.None));

        Assert.Equal("sbatch refused the job array (exit code 1): sbatch: error: invalid account or account/partition combination specified", error.Message);
    }

    public void Dispose() => temp.Dispose();

    private SliceArrayResult Execute(string? slices = null, bool force = false, CancellationToken interrupted = default, SubmittedJobsFile? jobs = null) =>
        new SliceArrayRun(new SlurmClient(slurm), log.Add).Execute(Request(slices, force, jobs), interrupted);

    private SliceArrayRequest Request(string? slices, bool force, SubmittedJobsFile? jobs) =>
        new(scan, stripe, scan.SelectSlices(slices), force, SlurmSettings.None, "/repo", [], null, TimeSpan.Zero, jobs);

    private string Output(int slice) => ArtifactLayout.ForSlice(stripe.Outputs[0].Path, slice);

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private sealed class RefusingSbatch : ICommandRunner
    {
        public string? Locate(string program) => "/usr/bin/" + program;

        public CommandResult Run(string program, IReadOnlyList<string> arguments) =>
            new(1, "", "sbatch: error: invalid account or account/partition combination specified\n");
    }
}
