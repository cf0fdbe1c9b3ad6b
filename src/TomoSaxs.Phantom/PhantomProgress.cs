namespace TomoSaxs.Phantom;

/// <summary>
/// Progress of a phantom step, for a caller to show rate and ETA: <paramref name="Done"/> of
/// <paramref name="Total"/> units (frames, files) of <paramref name="Step"/>, for one slice or the whole scan.
/// </summary>
/// <param name="Step">What is being written: "scan" (scan-level files), "frames" (a slice's frames) or "assemble".</param>
/// <param name="Slice">The slice, or null for scan-level work.</param>
/// <param name="Done">Units finished.</param>
/// <param name="Total">Units in the step.</param>
public readonly record struct PhantomProgress(string Step, int? Slice, int Done, int Total)
{
    /// <summary>Done / Total, in [0, 1].</summary>
    public double Fraction => Total == 0 ? 1.0 : (double)Done / Total;
}

/// <summary>How a phantom step runs; the data never depend on these.</summary>
/// <param name="MaxDegreeOfParallelism">Threads to use; null for all cores.</param>
public sealed record PhantomRunOptions(int? MaxDegreeOfParallelism = null)
{
    /// <summary>All cores.</summary>
    public static PhantomRunOptions Default { get; } = new();

    internal ParallelOptions Parallel => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism ?? Environment.ProcessorCount };

    internal int Threads => MaxDegreeOfParallelism ?? Environment.ProcessorCount;
}
