namespace TomoSaxs.Pipeline;

/// <summary>How a stage's turn on SLURM ended.</summary>
public enum SliceArrayOutcome
{
    /// <summary>Every selected slice was up to date; nothing was submitted.</summary>
    UpToDate,

    /// <summary>The stale slices were built on SLURM and every selected slice is now up to date.</summary>
    Built,

    /// <summary>At least one slice failed or is still not up to date; the others are kept.</summary>
    Failed,

    /// <summary>The build was interrupted; the jobs it had submitted were cancelled.</summary>
    Cancelled,
}
