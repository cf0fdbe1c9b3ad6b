using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline;

/// <summary>What a per-slice stage's fan-out hands to the SLURM executor.</summary>
/// <param name="Scan">The scan, with the build's overrides applied.</param>
/// <param name="Stage">The stage as declared: its files hold <see cref="ArtifactLayout.SliceToken"/>.</param>
/// <param name="Slices">The selected slices.</param>
/// <param name="Force">Whether <c>--force</c> applies to this stage (every selected slice then runs).</param>
/// <param name="Settings">The sbatch options (scan.yaml overridden by the command line).</param>
/// <param name="RepositoryRoot">The checkout whose <c>build.sh</c> the array tasks run.</param>
/// <param name="Environment">Variables the job script exports (scans and artefacts roots, extra stage declarations).</param>
/// <param name="DotnetDirectory">The folder of the <c>dotnet</c> running this build, put first on the tasks' PATH; null to rely on PATH.</param>
/// <param name="PollInterval">Time between two looks at the queue.</param>
/// <param name="SubmittedJobs">Where the build lists the jobs it submitted until they end (see <see cref="SubmittedJobsFile"/>); null for none.</param>
public sealed record SliceArrayRequest(
    ScanContext Scan,
    StageDeclaration Stage,
    SliceSelection Slices,
    bool Force,
    SlurmSettings Settings,
    string RepositoryRoot,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    string? DotnetDirectory,
    TimeSpan PollInterval,
    SubmittedJobsFile? SubmittedJobs = null);
