using System.Globalization;

namespace TomoSaxs.Pipeline;

/// <summary>
/// A per-slice stage's turn under <c>--executor slurm</c>: works out which selected slices are stale (the same
/// explanation as <c>--plan</c>, from the files on disk now that the upstream stages have run), writes one job-array
/// script for them under <c>artifacts/&lt;scan&gt;/slurm/</c>, submits it, waits while printing progress, and then
/// checks every selected slice's outputs. Interrupted (its token cancelled) it cancels the job it submitted, and only
/// that job.
/// </summary>
public sealed class SliceArrayRun
{
    /// <summary>Least time between two progress lines when nothing changed, so a long wait still shows it is alive.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromMinutes(1);

    /// <summary>How long an interrupted build waits for its cancelled tasks to leave the queue before it returns.</summary>
    public static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(10);

    private readonly SlurmClient client;
    private readonly Action<string> info;
    private readonly TimeProvider time;

    /// <summary>A run talking to SLURM through <paramref name="client"/>.</summary>
    /// <param name="client">The SLURM commands.</param>
    /// <param name="info">Receives progress and summary lines (an MSBuild task logs them at high importance).</param>
    /// <param name="time">The clock; the system clock when null.</param>
    public SliceArrayRun(SlurmClient client, Action<string> info, TimeProvider? time = null)
    {
        this.client = client;
        this.info = info;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Builds the stale slices of <paramref name="request"/> on SLURM.</summary>
    /// <param name="request">The stage, slices, scan and options.</param>
    /// <param name="interrupted">Cancelled when the build is interrupted (Ctrl-C, SIGTERM, the build process gone).</param>
    /// <exception cref="SlurmException">sbatch refused the job, or cancelling it failed.</exception>
    public SliceArrayResult Execute(SliceArrayRequest request, CancellationToken interrupted)
    {
        var stage = request.Stage;
        var layout = request.Scan.Layout;
        var stale = Explain(request, request.Force).Where(entry => entry.WouldRun).ToList();
        var selected = request.Slices.Slices.Count;
        if (stale.Count == 0)
        {
            info($"{stage.Name}: {Selected(selected)} up to date; nothing submitted to SLURM.");
            return new SliceArrayResult(SliceArrayOutcome.UpToDate, null, [], []);
        }

        var slices = stale.Select(entry => entry.Slice!.Value).ToList();
        var spec = SliceSelection.Compact(slices);
        var why = string.Join("; ", stale.Select(entry => entry.Reasons[0].Summary).Distinct(StringComparer.Ordinal));
        if (interrupted.IsCancellationRequested)
        {
            return new SliceArrayResult(SliceArrayOutcome.Cancelled, null, [], []);
        }

        var script = layout.SlurmScript(stage.Name);
        Directory.CreateDirectory(layout.SlurmLogDirectory);
        SliceArrayScript.Write(script, new SliceArrayJob(
            stage.Name, request.Scan.Definition.Name, request.RepositoryRoot, request.Scan.Overrides,
            request.Force, request.Settings, spec, layout.SlurmLogPattern(stage.Name), request.Environment, request.DotnetDirectory));
        var jobId = client.SubmitArray(script, spec);
        request.SubmittedJobs?.Add(jobId);
        info($"{stage.Name}: submitted {slices.Count} of {selected} slice{(selected == 1 ? "" : "s")} ({spec}) to SLURM as job array {jobId} — {why}. " +
             $"Script {layout.Display(script)}; logs {layout.Display(layout.SlurmLog(stage.Name, jobId, slices[0]))} and so on.");

        var monitor = new ArrayJobMonitor(client, jobId, slices);
        var ended = Wait(monitor, request, interrupted);
        request.SubmittedJobs?.Remove(jobId);
        if (!ended)
        {
            return new SliceArrayResult(SliceArrayOutcome.Cancelled, jobId, slices, []);
        }

        var failures = Check(request, monitor);
        if (failures.Count == 0)
        {
            info($"{stage.Name}: {slices.Count} slice{(slices.Count == 1 ? "" : "s")} built on SLURM (job {jobId}); {Selected(selected)} up to date.");
            return new SliceArrayResult(SliceArrayOutcome.Built, jobId, slices, []);
        }

        return new SliceArrayResult(SliceArrayOutcome.Failed, jobId, slices, failures);
    }

    /// <summary>
    /// Each selected slice's step, by the files on disk (and <c>--force</c> before submitting; afterwards only the files
    /// count, since a forced slice has just been rebuilt).
    /// </summary>
    private static IReadOnlyList<PlanEntry> Explain(SliceArrayRequest request, bool force)
    {
        var stamps = StageStamps.AsWritten(request.Scan.Layout, request.Stage.Name);
        return request.Slices.Slices
            .Select(slice => BuildPlan.Explain(request.Stage, slice, request.Scan.SliceCount, stamps, request.Scan.Layout, force, _ => null))
            .ToList();
    }

    private static string Selected(int count) => count == 1 ? "the selected slice is" : $"all {count} selected slices are";

    /// <summary>Polls until every task has ended (true) or the build is interrupted (false, after cancelling the job).</summary>
    private bool Wait(ArrayJobMonitor monitor, SliceArrayRequest request, CancellationToken interrupted)
    {
        var started = time.GetTimestamp();
        ArrayProgress? shown = null;
        var lastShown = started;
        var squeueFailures = 0;
        while (true)
        {
            if (interrupted.IsCancellationRequested)
            {
                CancelJob(monitor, request.Stage.Name);
                return false;
            }

            if (monitor.Poll())
            {
                squeueFailures = 0;
            }
            else if (++squeueFailures % 10 == 1)
            {
                info($"{request.Stage.Name}: squeue did not answer; asking again (the job keeps running meanwhile).");
            }

            var counts = monitor.Progress;
            if (monitor.AllEnded || counts != shown || time.GetElapsedTime(lastShown) >= Heartbeat)
            {
                info($"{request.Stage.Name} on SLURM (job {monitor.JobId}): {counts.Describe(time.GetElapsedTime(started))}");
                shown = counts;
                lastShown = time.GetTimestamp();
            }

            if (monitor.AllEnded)
            {
                return true;
            }

            interrupted.WaitHandle.WaitOne(request.PollInterval);
        }
    }

    private void CancelJob(ArrayJobMonitor monitor, string stage)
    {
        info($"{stage}: the build was interrupted; cancelling its SLURM job {monitor.JobId} (scancel {monitor.JobId}).");
        client.Cancel([monitor.JobId]);

        // Wait briefly for the tasks to leave the queue, so that squeue right after the build shows them gone.
        var deadline = time.GetTimestamp();
        while (time.GetElapsedTime(deadline) < CancelGrace && client.QueuedTasks(monitor.JobId) is not { Count: 0 })
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(250));
        }

        var left = client.QueuedTasks(monitor.JobId)?.Count ?? 0;
        info(left == 0
            ? $"{stage}: SLURM job {monitor.JobId} cancelled; slices it had finished are kept."
            : $"{stage}: SLURM job {monitor.JobId} cancelled; {left} task{(left == 1 ? " is" : "s are")} still ending on the nodes.");
    }

    /// <summary>Every selected slice that is not up to date after the run, or whose task SLURM reports as failed.</summary>
    private List<SliceFailure> Check(SliceArrayRequest request, ArrayJobMonitor monitor)
    {
        var layout = request.Scan.Layout;
        var tasks = monitor.Tasks.ToDictionary(task => task.Slice);
        var failures = new List<SliceFailure>();
        foreach (var entry in Explain(request, force: false))
        {
            var slice = entry.Slice!.Value;
            var task = tasks.GetValueOrDefault(slice);
            if (!entry.WouldRun && task?.Phase != ArrayTaskPhase.Failed)
            {
                continue;
            }

            var label = StepLabel.Of(request.Stage.Name, slice);
            if (task is null)
            {
                failures.Add(new SliceFailure(slice, $"{label} is not up to date: {string.Join("; ", entry.Reasons)}.", null, []));
                continue;
            }

            var log = layout.SlurmLog(request.Stage.Name, monitor.JobId, slice);
            var state = task.Describe() ?? "ended";
            var outputs = entry.WouldRun ? $"not up to date ({entry.Reasons[0]})" : "up to date, but SLURM reports a failure";
            failures.Add(new SliceFailure(slice,
                string.Create(CultureInfo.InvariantCulture,
                    $"{label} failed on SLURM (job {monitor.JobId}_{slice}: {state}); its outputs are {outputs}. Log: {log}"),
                log, TaskLogExcerpt.Of(log)));
        }

        return failures;
    }
}
