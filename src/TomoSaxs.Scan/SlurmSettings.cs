namespace TomoSaxs.Scan;

/// <summary>
/// SLURM job settings for the <c>slurm</c> executor (DESIGN §3). Every field is optional; null leaves the
/// choice to the cluster's defaults.
/// </summary>
/// <param name="Partition">sbatch <c>--partition</c>.</param>
/// <param name="Time">sbatch <c>--time</c> in a SLURM time format, e.g. <c>04:00:00</c> or <c>1-12:00</c>.</param>
/// <param name="Mem">sbatch <c>--mem</c>: a whole number with an optional K/M/G/T unit, e.g. <c>16G</c>.</param>
/// <param name="CpusPerTask">sbatch <c>--cpus-per-task</c>, ≥ 1.</param>
/// <param name="Account">sbatch <c>--account</c>.</param>
/// <param name="ExtraArgs">Further sbatch options, one per item, e.g. <c>--qos=high</c>.</param>
public sealed record SlurmSettings(
    string? Partition,
    string? Time,
    string? Mem,
    int? CpusPerTask,
    string? Account,
    IReadOnlyList<string> ExtraArgs)
{
    /// <summary>No settings: everything from the cluster defaults.</summary>
    public static SlurmSettings None { get; } = new(null, null, null, null, null, []);
}
