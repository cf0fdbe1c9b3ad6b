namespace TomoSaxs.Pipeline;

/// <summary>One array task (one slice) as the executor last saw it.</summary>
/// <param name="Slice">The slice, which is the array task id.</param>
/// <param name="Phase">Where it stands.</param>
/// <param name="State">SLURM's state name (e.g. <c>FAILED</c>), when known.</param>
/// <param name="ExitCode">SLURM's exit code (<c>exit:signal</c>, e.g. <c>1:0</c>), when known.</param>
public sealed record ArrayTaskStatus(int Slice, ArrayTaskPhase Phase, string? State = null, string? ExitCode = null)
{
    private static readonly HashSet<string> EndStates = new(StringComparer.OrdinalIgnoreCase)
    {
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE",
        "REVOKED", "SPECIAL_EXIT",
    };

    /// <summary>True once the task has left the queue.</summary>
    public bool HasEnded => Phase is ArrayTaskPhase.Completed or ArrayTaskPhase.Failed or ArrayTaskPhase.Finished;

    /// <summary>The end state for messages, e.g. <c>FAILED, exit code 1:0</c>; null while it is queued or running.</summary>
    public string? Describe() => Phase switch
    {
        ArrayTaskPhase.Completed or ArrayTaskPhase.Failed =>
            ExitCode is { Length: > 0 } code ? $"{State}, exit code {code}" : State,
        ArrayTaskPhase.Finished => "finished; SLURM no longer knows how",
        _ => null,
    };

    /// <summary>True for SLURM's end states (COMPLETED, FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL…).</summary>
    public static bool IsEndState(string state) => EndStates.Contains(state);

    /// <summary>The phase of a task that has left the queue with end state <paramref name="state"/>.</summary>
    public static ArrayTaskPhase EndPhase(string state) =>
        string.Equals(state, "COMPLETED", StringComparison.OrdinalIgnoreCase) ? ArrayTaskPhase.Completed : ArrayTaskPhase.Failed;
}
