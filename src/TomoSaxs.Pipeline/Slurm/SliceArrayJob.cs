using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline;

/// <summary>
/// Everything one job-array script says: which stage's slices it builds for which scan, from which checkout, with
/// which overrides and sbatch options, where the task logs go, and the environment the tasks need to find the same
/// scans, artefacts and stage declarations as the build that submitted them.
/// </summary>
/// <param name="Stage">The per-slice stage, e.g. <c>Integrate</c>; each task builds target <c>&lt;Stage&gt;Slice</c>.</param>
/// <param name="ScanName">The scan (<c>--scan</c>).</param>
/// <param name="RepositoryRoot">The checkout whose <c>build.sh</c> the tasks run, on the shared filesystem.</param>
/// <param name="Overrides">The build's <c>--set</c> overrides, in order.</param>
/// <param name="Force">Whether the tasks get <c>--force</c> (the build was forced and this stage is the one asked for).</param>
/// <param name="Settings">The sbatch options.</param>
/// <param name="ArraySpec">The slices to build, compact (<c>0-3,7</c>): the array task ids.</param>
/// <param name="LogPattern">sbatch <c>--output</c>, e.g. <c>…/slurm/logs/Integrate_%A_%a.log</c>.</param>
/// <param name="Environment">Variables the script exports before running the build (name, value), in order.</param>
/// <param name="DotnetDirectory">The folder of the <c>dotnet</c> the submitting build ran, put first on PATH; null to rely on PATH.</param>
public sealed record SliceArrayJob(
    string Stage,
    string ScanName,
    string RepositoryRoot,
    IReadOnlyList<string> Overrides,
    bool Force,
    SlurmSettings Settings,
    string ArraySpec,
    string LogPattern,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    string? DotnetDirectory)
{
    /// <summary>The SLURM job name: <c>tomosaxs-&lt;scan&gt;-&lt;Stage&gt;</c>.</summary>
    public string JobName => $"tomosaxs-{ScanName}-{Stage}";

    /// <summary>The target each array task builds.</summary>
    public string SliceTarget => Stage + "Slice";
}
