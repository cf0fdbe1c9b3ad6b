using System.Globalization;

namespace TomoSaxs.Pipeline;

/// <summary>How a job array's tasks stand: the counts a waiting build prints.</summary>
/// <param name="Pending">Queued, not started.</param>
/// <param name="Running">Started, not yet ended.</param>
/// <param name="Done">Ended well (or ended in a state SLURM no longer remembers).</param>
/// <param name="Failed">Ended in a failure state.</param>
public sealed record ArrayProgress(int Pending, int Running, int Done, int Failed)
{
    /// <summary>E.g. <c>1 pending, 2 running, 1 done, 0 failed, 0:42 elapsed</c>.</summary>
    public string Describe(TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Pending} pending, {Running} running, {Done} done, {Failed} failed, {(int)elapsed.TotalMinutes}:{elapsed.Seconds:00} elapsed");
}
