namespace TomoSaxs.Pipeline;

/// <summary>What a stage's turn on SLURM did.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="JobId">The array job submitted, or null when none was.</param>
/// <param name="Submitted">The slices submitted (the array task ids).</param>
/// <param name="Failures">The slices that failed or are not up to date afterwards, with what is known about each.</param>
public sealed record SliceArrayResult(
    SliceArrayOutcome Outcome, string? JobId, IReadOnlyList<int> Submitted, IReadOnlyList<SliceFailure> Failures);

/// <summary>One slice that did not get built.</summary>
/// <param name="Slice">The slice number.</param>
/// <param name="Message">What went wrong: SLURM's end state, the staleness reason, the log file.</param>
/// <param name="Log">The array task's log, when the slice was submitted.</param>
/// <param name="LogExcerpt">The error lines of that log (or its last lines), for the build output.</param>
public sealed record SliceFailure(int Slice, string Message, string? Log, IReadOnlyList<string> LogExcerpt);
