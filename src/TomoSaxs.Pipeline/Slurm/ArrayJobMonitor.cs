namespace TomoSaxs.Pipeline;

/// <summary>
/// Follows one job array until every task has left the queue. Each <see cref="Poll"/> asks squeue which tasks are
/// still queued or running; for tasks that have just left it reads their end state from the controller
/// (<c>scontrol show job</c>, which remembers finished jobs for a while) and, only when the controller has
/// forgotten them and accounting is enabled, from sacct. A task whose end state nobody remembers is
/// <see cref="ArrayTaskPhase.Finished"/>: its slice's outputs decide.
/// </summary>
public sealed class ArrayJobMonitor
{
    private readonly SlurmClient client;
    private readonly Dictionary<int, ArrayTaskStatus> tasks;

    /// <summary>Follows array job <paramref name="jobId"/> whose task ids are <paramref name="slices"/>.</summary>
    public ArrayJobMonitor(SlurmClient client, string jobId, IEnumerable<int> slices)
    {
        this.client = client;
        JobId = jobId;
        tasks = slices.ToDictionary(slice => slice, slice => new ArrayTaskStatus(slice, ArrayTaskPhase.Pending));
    }

    /// <summary>The array job id.</summary>
    public string JobId { get; }

    /// <summary>Every task's last known status, by slice.</summary>
    public IReadOnlyList<ArrayTaskStatus> Tasks => tasks.Values.OrderBy(task => task.Slice).ToList();

    /// <summary>True once every task has left the queue.</summary>
    public bool AllEnded => tasks.Values.All(task => task.HasEnded);

    /// <summary>How many tasks are pending, running, completed and failed (or ended unknown: counted as done).</summary>
    public ArrayProgress Progress => new(
        tasks.Values.Count(t => t.Phase == ArrayTaskPhase.Pending),
        tasks.Values.Count(t => t.Phase == ArrayTaskPhase.Running),
        tasks.Values.Count(t => t.Phase is ArrayTaskPhase.Completed or ArrayTaskPhase.Finished),
        tasks.Values.Count(t => t.Phase == ArrayTaskPhase.Failed));

    /// <summary>
    /// Asks SLURM once and updates the tasks. Returns false when squeue could not answer this time (the controller
    /// busy or unreachable); the statuses are then unchanged, and the caller simply asks again later.
    /// </summary>
    public bool Poll()
    {
        var queued = client.QueuedTasks(JobId);
        if (queued is null)
        {
            return false;
        }

        var left = new List<int>();
        foreach (var task in tasks.Values.Where(task => !task.HasEnded).ToList())
        {
            if (queued.TryGetValue(task.Slice, out var state))
            {
                var phase = string.Equals(state, "PENDING", StringComparison.OrdinalIgnoreCase) ? ArrayTaskPhase.Pending : ArrayTaskPhase.Running;
                tasks[task.Slice] = task with { Phase = phase, State = state };
            }
            else
            {
                left.Add(task.Slice);
            }
        }

        if (left.Count > 0)
        {
            RecordEnds(left);
        }

        return true;
    }

    private void RecordEnds(List<int> left)
    {
        var controller = client.ControllerRecords(JobId);
        var accounting = left.Any(slice => !controller.ContainsKey(slice))
            ? client.AccountingRecords(JobId)
            : new Dictionary<int, (string, string)>();
        foreach (var slice in left)
        {
            if ((controller.TryGetValue(slice, out var record) || accounting.TryGetValue(slice, out record)) && ArrayTaskStatus.IsEndState(record.State))
            {
                tasks[slice] = new ArrayTaskStatus(slice, ArrayTaskStatus.EndPhase(record.State), record.State, record.ExitCode);
            }
            else if (controller.ContainsKey(slice))
            {
                // squeue and the controller's job table disagree for a moment (a task between states); ask again next time.
                continue;
            }
            else
            {
                tasks[slice] = new ArrayTaskStatus(slice, ArrayTaskPhase.Finished);
            }
        }
    }
}
