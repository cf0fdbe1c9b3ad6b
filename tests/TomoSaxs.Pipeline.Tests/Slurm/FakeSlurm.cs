using System.Globalization;
using System.Text;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>
/// A scripted SLURM for the executor's unit tests: answers sbatch, squeue, scontrol, sacct, scancel and sinfo in the
/// formats a real cluster prints (pinned by <see cref="SlurmOutputTests"/>). Each squeue call is one tick: one pending
/// task starts, and each running task ends, calling <see cref="RunTask"/> (which writes the slice's outputs, or
/// throws to fail). Every call is recorded.
/// </summary>
internal sealed class FakeSlurm : ICommandRunner
{
    private readonly SortedDictionary<int, (string State, string ExitCode)> tasks = [];
    private int nextJob = 100;

    /// <summary>Programs that are not on PATH.</summary>
    public HashSet<string> Missing { get; } = [];

    /// <summary>The partitions that exist.</summary>
    public List<string> Partitions { get; } = ["debug"];

    /// <summary>What an array task does for its slice; an exception fails it.</summary>
    public Action<int> RunTask { get; set; } = _ => { };

    /// <summary>True when the controller has forgotten finished tasks (MinJobAge passed).</summary>
    public bool ControllerForgets { get; set; }

    /// <summary>True when accounting is enabled, so that sacct knows the end states.</summary>
    public bool Accounting { get; set; }

    /// <summary>Called before each squeue answer, e.g. to interrupt the build at a chosen moment.</summary>
    public Action<int>? OnPoll { get; set; }

    /// <summary>Every command run, as <c>program arg…</c>.</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The last array job submitted.</summary>
    public string? JobId { get; private set; }

    /// <summary>The task states now.</summary>
    public IReadOnlyDictionary<int, (string State, string ExitCode)> Tasks => tasks;

    public string? Locate(string program) => Missing.Contains(program) ? null : "/usr/bin/" + program;

    public CommandResult Run(string program, IReadOnlyList<string> arguments)
    {
        Calls.Add($"{program} {string.Join(' ', arguments)}");
        return program switch
        {
            "sbatch" => Submit(arguments),
            "squeue" => Tick(),
            "scontrol" when arguments is ["show", "job", ..] => Ok(ControllerForgets ? "" : Records()),
            "scontrol" when arguments is ["show", "config", ..] =>
                Ok($"AccountingStorageType   = accounting_storage/{(Accounting ? "slurmdbd" : "none")}\nClusterName             = fake\n"),
            "scontrol" when arguments is ["show", "partition", ..] => Partitions.Contains(arguments[2])
                ? Ok($"PartitionName={arguments[2]}\n")
                : new CommandResult(1, "", $"Partition {arguments[2]} not found\n"),
            "sacct" => Ok(string.Concat(tasks.Select(t => $"{JobId}_{t.Key}|{t.Value.State}{(t.Value.State == "CANCELLED" ? " by 0" : "")}|{t.Value.ExitCode}\n"))),
            "scancel" => Cancel(),
            "sinfo" => Ok(string.Concat(Partitions.Select(p => p + "\n"))),
            _ => throw new InvalidOperationException($"unexpected command {program}"),
        };
    }

    private CommandResult Submit(IReadOnlyList<string> arguments)
    {
        var spec = arguments.Single(a => a.StartsWith("--array=", StringComparison.Ordinal))["--array=".Length..];
        JobId = (nextJob++).ToString(CultureInfo.InvariantCulture);
        tasks.Clear();
        foreach (var task in SlurmOutput.TaskIds(spec))
        {
            tasks[task] = ("PENDING", "0:0");
        }

        return Ok(JobId + "\n");
    }

    private CommandResult Tick()
    {
        OnPoll?.Invoke(Calls.Count(call => call.StartsWith("squeue", StringComparison.Ordinal)));
        foreach (var (task, (state, _)) in tasks.ToList())
        {
            if (state == "RUNNING")
            {
                try
                {
                    RunTask(task);
                    tasks[task] = ("COMPLETED", "0:0");
                }
                catch (Exception)
                {
                    tasks[task] = ("FAILED", "1:0");
                }
            }
        }

        if (tasks.FirstOrDefault(t => t.Value.State == "PENDING") is { Value.State: "PENDING" } next)
        {
            tasks[next.Key] = ("RUNNING", "0:0");
        }

        var queued = tasks.Where(t => t.Value.State is "PENDING" or "RUNNING").ToList();
        if (queued.Count == 0 && ControllerForgets)
        {
            return new CommandResult(1, "", "slurm_load_jobs error: Invalid job id specified\n");
        }

        return Ok(string.Concat(queued.Select(t => $"{t.Key}|{t.Value.State}\n")));
    }

    private string Records()
    {
        var text = new StringBuilder();
        var pending = tasks.Where(t => t.Value.State == "PENDING").Select(t => t.Key).ToList();
        if (pending.Count > 0)
        {
            // The controller keeps pending tasks in one record, with a range.
            text.Append($"JobId={JobId} ArrayJobId={JobId} ArrayTaskId={SliceSelection.Compact(pending)} JobName=x JobState=PENDING Reason=Resources ExitCode=0:0\n");
        }

        foreach (var (task, (state, exit)) in tasks.Where(t => t.Value.State != "PENDING"))
        {
            text.Append(CultureInfo.InvariantCulture, $"JobId={1000 + task} ArrayJobId={JobId} ArrayTaskId={task} JobName=x JobState={state} Reason=None ExitCode={exit}\n");
        }

        return text.ToString();
    }

    private CommandResult Cancel()
    {
        foreach (var (task, (state, _)) in tasks.ToList())
        {
            if (state is "PENDING" or "RUNNING")
            {
                tasks[task] = ("CANCELLED", "0:15");
            }
        }

        return Ok("");
    }

    private static CommandResult Ok(string output) => new(0, output, "");
}
