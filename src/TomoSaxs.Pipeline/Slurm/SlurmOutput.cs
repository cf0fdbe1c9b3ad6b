using System.Globalization;

namespace TomoSaxs.Pipeline;

/// <summary>
/// Reads what the SLURM client programs print, in the machine-readable forms the executor asks for. Pure functions,
/// so that the formats are pinned by unit tests with text captured from a real cluster.
/// </summary>
public static class SlurmOutput
{
    /// <summary>The job id from <c>sbatch --parsable</c>: <c>1234</c> or <c>1234;cluster</c>.</summary>
    /// <exception cref="FormatException">The output holds no job id.</exception>
    public static string JobId(string parsable)
    {
        var first = parsable.Trim().Split(';')[0].Trim();
        return first.Length > 0 && first.All(char.IsAsciiDigit)
            ? first
            : throw new FormatException($"sbatch --parsable printed '{parsable.Trim()}', which is not a job id.");
    }

    /// <summary>
    /// The array tasks still in the queue, from <c>squeue --noheader --array --jobs ID --format=%K|%T</c>: task id →
    /// state (PENDING, RUNNING, COMPLETING…).
    /// </summary>
    public static IReadOnlyDictionary<int, string> QueuedTasks(string squeue)
    {
        var tasks = new Dictionary<int, string>();
        foreach (var line in Lines(squeue))
        {
            var fields = line.Split('|');
            if (fields.Length >= 2)
            {
                foreach (var task in TaskIds(fields[0]))
                {
                    tasks[task] = fields[1].Trim();
                }
            }
        }

        return tasks;
    }

    /// <summary>
    /// The array tasks the controller still remembers, from <c>scontrol show job ID --oneliner</c> (one line per task
    /// record; pending tasks may share one record with a range such as <c>ArrayTaskId=2-3,7</c>): task id →
    /// (JobState, ExitCode).
    /// </summary>
    public static IReadOnlyDictionary<int, (string State, string ExitCode)> JobRecords(string scontrol)
    {
        var tasks = new Dictionary<int, (string, string)>();
        foreach (var line in Lines(scontrol))
        {
            var fields = Fields(line);
            if (fields.TryGetValue("ArrayTaskId", out var ids) && fields.TryGetValue("JobState", out var state))
            {
                foreach (var task in TaskIds(ids))
                {
                    tasks[task] = (state, fields.GetValueOrDefault("ExitCode", ""));
                }
            }
        }

        return tasks;
    }

    /// <summary>
    /// The array tasks accounting knows, from <c>sacct --noheader --parsable2 --allocations --jobs ID
    /// --format=JobID,State,ExitCode</c> (JobID <c>1234_5</c>, or <c>1234_[6-8]</c> while pending; State such as
    /// <c>CANCELLED by 0</c>): task id → (state, exit code).
    /// </summary>
    public static IReadOnlyDictionary<int, (string State, string ExitCode)> AccountedTasks(string sacct)
    {
        var tasks = new Dictionary<int, (string, string)>();
        foreach (var line in Lines(sacct))
        {
            var fields = line.Split('|');
            var underscore = fields[0].IndexOf('_', StringComparison.Ordinal);
            if (fields.Length >= 3 && underscore > 0)
            {
                var state = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                foreach (var task in TaskIds(fields[0][(underscore + 1)..].Trim('[', ']')))
                {
                    tasks[task] = (state, fields[2].Trim());
                }
            }
        }

        return tasks;
    }

    /// <summary>
    /// Whether job accounting is on, from <c>scontrol show config</c>: sacct answers only when
    /// AccountingStorageType is something other than <c>accounting_storage/none</c>.
    /// </summary>
    public static bool AccountingEnabled(string config) =>
        Lines(config)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Trim() == "AccountingStorageType")
            .Select(pair => pair[1].Trim())
            .Any(type => type.Length > 0 && !type.Equals("accounting_storage/none", StringComparison.OrdinalIgnoreCase));

    /// <summary>The partition names from <c>sinfo --noheader --format=%R</c>.</summary>
    public static IReadOnlyList<string> Partitions(string sinfo) => Lines(sinfo).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Task ids in SLURM's array notation: <c>7</c>, <c>2-3,7</c>, <c>0-9:2</c> (step), <c>0-99%4</c> (throttle);
    /// anything else (<c>N/A</c> for a job that is not an array) gives none.
    /// </summary>
    public static IEnumerable<int> TaskIds(string spec)
    {
        var text = spec.Trim();
        var throttle = text.IndexOf('%', StringComparison.Ordinal);
        if (throttle >= 0)
        {
            text = text[..throttle];
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (range, step) = part.Split(':') is [var r, var s] && Number(s) is { } st and > 0 ? (r, st) : (part, 1);
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            var (first, last) = dash > 0 ? (Number(range[..dash]), Number(range[(dash + 1)..])) : (Number(range), Number(range));
            if (first is not { } from || last is not { } to)
            {
                continue;
            }

            for (var task = from; task <= to; task += step)
            {
                yield return task;
            }
        }
    }

    private static Dictionary<string, string> Fields(string line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields.TryAdd(token[..equals], token[(equals + 1)..]);
            }
        }

        return fields;
    }

    private static int? Number(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
