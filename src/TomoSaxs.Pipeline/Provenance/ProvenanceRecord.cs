namespace TomoSaxs.Pipeline;

/// <summary>
/// Where an artefact came from (DESIGN §3): tool version and git commit, stage and stage version, the parameter
/// JSON, every input with size and modification time, when it was made, on which host and SLURM job. Stages
/// writing HDF5 store it as attributes; others write it as a JSON sidecar (<see cref="ProvenanceJson"/>).
/// </summary>
/// <param name="Tool">The pipeline build that made the artefact.</param>
/// <param name="Stage">The stage, its version and parameters.</param>
/// <param name="Slice">The slice for a per-slice artefact, else null.</param>
/// <param name="Inputs">The files read.</param>
/// <param name="StartedUtc">When the stage started on this slice (or scan).</param>
/// <param name="WrittenUtc">When the artefact was finished.</param>
/// <param name="Host">The machine.</param>
/// <param name="SlurmJobId">
/// The SLURM job (<c>&lt;array job&gt;_&lt;task&gt;</c> for an array task), or null outside SLURM.
/// </param>
public sealed record ProvenanceRecord(
    ToolIdentity Tool,
    StageIdentity Stage,
    int? Slice,
    IReadOnlyList<ProvenanceInput> Inputs,
    DateTimeOffset StartedUtc,
    DateTimeOffset WrittenUtc,
    string Host,
    string? SlurmJobId)
{
    /// <summary>The SLURM job this process runs in, from the environment SLURM sets, or null.</summary>
    public static string? CurrentSlurmJob()
    {
        var arrayJob = Environment.GetEnvironmentVariable("SLURM_ARRAY_JOB_ID");
        var arrayTask = Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID");
        return !string.IsNullOrEmpty(arrayJob) && !string.IsNullOrEmpty(arrayTask)
            ? $"{arrayJob}_{arrayTask}"
            : Environment.GetEnvironmentVariable("SLURM_JOB_ID") is { Length: > 0 } job ? job : null;
    }

    /// <summary>The sidecar file that holds the provenance of <paramref name="artefact"/>.</summary>
    public static string SidecarPath(string artefact) => artefact + ".provenance.json";
}
