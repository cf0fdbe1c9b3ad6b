namespace TomoSaxs.Numerics;

/// <summary>
/// Runs independent per-column work either sequentially or on several threads. Each column's arithmetic is the
/// same either way, so results are bit-identical whatever the degree of parallelism.
/// </summary>
internal sealed class ColumnParallel(int maxDegreeOfParallelism)
{
    // Below this many multiply-adds per call, thread hand-off costs more than it saves.
    private const long MinimumParallelWork = 1 << 16;

    private readonly ParallelOptions options = new() { MaxDegreeOfParallelism = maxDegreeOfParallelism };

    public bool Enabled => maxDegreeOfParallelism != 1;

    /// <summary>Calls <paramref name="body"/> for each item in [from, to); <paramref name="workPerItem"/> estimates the
    /// multiply-adds of one call and decides whether threads are worth it.</summary>
    public void For(int from, int to, long workPerItem, Action<int> body)
    {
        if (!Enabled || (to - from) * workPerItem < MinimumParallelWork || to - from < 2)
        {
            for (var i = from; i < to; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(from, to, options, body);
    }
}
