namespace TomoSaxs.Pipeline;

/// <summary>
/// The SLURM operations the executor needs, each one client-program call through an <see cref="ICommandRunner"/>:
/// submit an array, list its queued tasks, read the controller's and (when enabled) accounting's records of its tasks,
/// cancel jobs, look up partitions.
/// </summary>
public sealed class SlurmClient
{
    /// <summary>The client programs the executor calls; all must be on PATH (sacct only when accounting is on).</summary>
    public static readonly IReadOnlyList<string> RequiredPrograms = ["sbatch", "squeue", "scontrol", "scancel", "sinfo"];

    private readonly ICommandRunner runner;
    private bool? accountingEnabled;

    /// <summary>A client running the programs through <paramref name="runner"/>.</summary>
    public SlurmClient(ICommandRunner runner) => this.runner = runner;

    /// <summary>Submits <paramref name="script"/> as a job array over <paramref name="arraySpec"/>; returns its job id.</summary>
    /// <exception cref="SlurmException">sbatch refused it.</exception>
    public string SubmitArray(string script, string arraySpec)
    {
        var result = Run("sbatch", ["--parsable", $"--array={arraySpec}", script]);
        if (!result.Succeeded)
        {
            throw new SlurmException($"sbatch refused the job array (exit code {result.ExitCode}): {result.Message}");
        }

        try
        {
            return SlurmOutput.JobId(result.Output);
        }
        catch (FormatException error)
        {
            throw new SlurmException(error.Message);
        }
    }

    /// <summary>
    /// The tasks of job <paramref name="jobId"/> still in the queue (task id → state), empty once all have left, or
    /// null when squeue could not answer this time (the controller busy or unreachable).
    /// </summary>
    public IReadOnlyDictionary<int, string>? QueuedTasks(string jobId)
    {
        var result = Run("squeue", ["--noheader", "--array", $"--jobs={jobId}", "--format=%K|%T"]);
        if (result.Succeeded)
        {
            return SlurmOutput.QueuedTasks(result.Output);
        }

        // A job the controller has already forgotten is "invalid": all its tasks have left the queue.
        return IsForgotten(result) ? new Dictionary<int, string>() : null;
    }

    /// <summary>The end states the controller still remembers for job <paramref name="jobId"/>'s tasks (empty if none).</summary>
    public IReadOnlyDictionary<int, (string State, string ExitCode)> ControllerRecords(string jobId)
    {
        var result = Run("scontrol", ["show", "job", jobId, "--oneliner"]);
        return result.Succeeded ? SlurmOutput.JobRecords(result.Output) : new Dictionary<int, (string, string)>();
    }

    /// <summary>
    /// The states accounting recorded for job <paramref name="jobId"/>'s tasks; empty when accounting is off (sacct is
    /// then not called at all, since it only answers that storage is disabled).
    /// </summary>
    public IReadOnlyDictionary<int, (string State, string ExitCode)> AccountingRecords(string jobId)
    {
        accountingEnabled ??= Run("scontrol", ["show", "config"]) is { Succeeded: true } config && SlurmOutput.AccountingEnabled(config.Output);
        if (accountingEnabled != true || runner.Locate("sacct") is null)
        {
            return new Dictionary<int, (string, string)>();
        }

        var result = Run("sacct", ["--noheader", "--parsable2", "--allocations", $"--jobs={jobId}", "--format=JobID,State,ExitCode"]);
        return result.Succeeded ? SlurmOutput.AccountedTasks(result.Output) : new Dictionary<int, (string, string)>();
    }

    /// <summary>Cancels exactly the jobs <paramref name="jobIds"/> (for an array job: all its tasks).</summary>
    /// <exception cref="SlurmException">scancel failed.</exception>
    public void Cancel(IReadOnlyCollection<string> jobIds)
    {
        if (jobIds.Count == 0)
        {
            return;
        }

        var result = Run("scancel", [.. jobIds]);
        if (!result.Succeeded)
        {
            throw new SlurmException($"scancel {string.Join(' ', jobIds)} failed (exit code {result.ExitCode}): {result.Message}");
        }
    }

    /// <summary>
    /// Whether <paramref name="partition"/> exists (<c>scontrol show partition</c>): true, false, or the error text
    /// when the controller could not be asked.
    /// </summary>
    public (bool Exists, string? Error) PartitionExists(string partition)
    {
        var result = Run("scontrol", ["show", "partition", partition]);
        if (result.Succeeded)
        {
            return (true, null);
        }

        return result.Message.Contains("not found", StringComparison.OrdinalIgnoreCase) ? (false, null) : (false, result.Message);
    }

    /// <summary>The cluster's partitions (<c>sinfo</c>), for saying which exist; empty when sinfo fails.</summary>
    public IReadOnlyList<string> Partitions()
    {
        var result = Run("sinfo", ["--noheader", "--format=%R"]);
        return result.Succeeded ? SlurmOutput.Partitions(result.Output) : [];
    }

    private static bool IsForgotten(CommandResult result) => result.Message.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase);

    private CommandResult Run(string program, IReadOnlyList<string> arguments) => runner.Run(program, arguments);
}
