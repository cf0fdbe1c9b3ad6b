namespace TomoSaxs.Pipeline;

/// <summary>
/// The lines of an array task's log worth showing when its slice failed: MSBuild's error lines (they name the stage,
/// the slice and the cause), or the log's last lines when it has none (a task killed by SLURM, a node problem).
/// </summary>
public static class TaskLogExcerpt
{
    private const int MaxLines = 5;
    private const int MaxLineLength = 400;

    /// <summary>Up to five lines from <paramref name="log"/>; empty when there is no such file (yet).</summary>
    public static IReadOnlyList<string> Of(string log)
    {
        string[] lines;
        try
        {
            lines = File.Exists(log) ? File.ReadAllLines(log) : [];
        }
        catch (IOException)
        {
            return [];
        }

        var meaningful = lines.Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        var errors = meaningful.Where(IsError).Distinct(StringComparer.Ordinal).ToList();
        var chosen = errors.Count > 0 ? errors.Take(MaxLines) : meaningful.TakeLast(MaxLines);
        return chosen.Select(line => line.Length > MaxLineLength ? line[..MaxLineLength] + "…" : line).ToList();
    }

    // MSBuild writes "file(line,col): error CODE: text" or "error : text"; slurmstepd writes "slurmstepd: error: …".
    private static bool IsError(string line) =>
        line.Contains(": error ", StringComparison.OrdinalIgnoreCase) || line.Contains("error:", StringComparison.OrdinalIgnoreCase) ||
        line.StartsWith("error ", StringComparison.OrdinalIgnoreCase);
}
