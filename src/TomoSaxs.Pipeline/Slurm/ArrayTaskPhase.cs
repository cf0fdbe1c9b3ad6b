namespace TomoSaxs.Pipeline;

/// <summary>Where one task of a job array stands, as far as SLURM says.</summary>
public enum ArrayTaskPhase
{
    /// <summary>Queued, not started.</summary>
    Pending,

    /// <summary>Started and not yet gone from the queue (running, completing, suspended…).</summary>
    Running,

    /// <summary>Left the queue with state COMPLETED (exit code 0).</summary>
    Completed,

    /// <summary>Left the queue in any other end state: FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL…</summary>
    Failed,

    /// <summary>
    /// Left the queue, but its end state is no longer known (the controller forgot it and accounting is off); the
    /// slice's outputs decide whether it worked.
    /// </summary>
    Finished,
}
