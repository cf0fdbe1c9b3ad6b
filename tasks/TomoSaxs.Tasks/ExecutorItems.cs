using System.Globalization;
using Microsoft.Build.Framework;
using TomoSaxs.Pipeline;
using TomoSaxs.Scan;

namespace TomoSaxs.Tasks;

/// <summary>
/// Reads the executor's settings from the <c>StageContext</c> item (Common.targets): <c>Executor</c> (local or slurm),
/// the command-line sbatch options (<c>SlurmPartition</c>, <c>SlurmTime</c>, <c>SlurmMem</c>, <c>SlurmCpusPerTask</c>,
/// <c>SlurmAccount</c>, <c>SlurmArgs</c>), <c>SlurmPollInterval</c>, <c>SlurmJobsFile</c>, and what a job script needs to reproduce this
/// build on a node (<c>RepoRoot</c>, <c>ScansRoot</c>, <c>ArtifactsRoot</c>, <c>ExtraTargets</c>).
/// </summary>
internal static class ExecutorItems
{
    /// <summary>The value of <c>Executor</c> that hands per-slice stages to SLURM.</summary>
    public const string Slurm = "slurm";

    /// <summary>Seconds between two looks at the queue when <c>SlurmPollInterval</c> is not given.</summary>
    public const double DefaultPollSeconds = 10;

    /// <summary>True when the context asks for the SLURM executor; an executor that is neither is a problem.</summary>
    public static bool IsSlurm(ITaskItem context, out string? problem)
    {
        var executor = context.GetMetadata("Executor").Trim();
        problem = executor is "" or "local" or Slurm ? null : $"Executor={executor}: expected local or slurm.";
        return executor == Slurm;
    }

    /// <summary>The sbatch options: the scan's <c>slurm:</c> block overridden by the command line; problems for malformed options.</summary>
    public static SlurmSettings Settings(ITaskItem context, ScanContext scan, out IReadOnlyList<string> problems)
    {
        var commandLine = SlurmOptions.FromCommandLine(
            context.GetMetadata("SlurmPartition"), context.GetMetadata("SlurmTime"), context.GetMetadata("SlurmMem"),
            context.GetMetadata("SlurmCpusPerTask"), context.GetMetadata("SlurmAccount"), context.GetMetadata("SlurmArgs"),
            out problems);
        return SlurmOptions.Combine(scan.Definition.Slurm, commandLine);
    }

    /// <summary>The time between two looks at the queue.</summary>
    public static TimeSpan PollInterval(ITaskItem context) =>
        TimeSpan.FromSeconds(
            double.TryParse(context.GetMetadata("SlurmPollInterval"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? seconds
                : DefaultPollSeconds);

    /// <summary>
    /// The variables a job script exports so that the array tasks see the scans, artefacts and stage declarations this
    /// build sees, whatever the cluster does with the submitting environment.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> JobEnvironment(ITaskItem context)
    {
        var environment = new List<KeyValuePair<string, string>>
        {
            new("TOMOSAXS_SCANS_ROOT", FullPath(context.GetMetadata("ScansRoot"))),
            new("TOMOSAXS_ARTIFACTS_ROOT", FullPath(context.GetMetadata("ArtifactsRoot"))),
        };
        if (context.GetMetadata("ExtraTargets") is { Length: > 0 } extra)
        {
            environment.Add(new("TOMOSAXS_EXTRA_TARGETS", FullPath(extra)));
        }

        return environment;
    }

    /// <summary>The checkout the build runs from.</summary>
    public static string RepositoryRoot(ITaskItem context) => FullPath(context.GetMetadata("RepoRoot"));

    /// <summary>The folder of the <c>dotnet</c> running this build (MSBuild sets DOTNET_HOST_PATH), or null.</summary>
    public static string? DotnetDirectory() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? Path.GetDirectoryName(Path.GetFullPath(host)) : null;

    /// <summary>The file in which build.sh wants the submitted jobs listed (<c>SlurmJobsFile</c>), or null.</summary>
    public static SubmittedJobsFile? SubmittedJobs(ITaskItem context) =>
        context.GetMetadata("SlurmJobsFile") is { Length: > 0 } path ? new SubmittedJobsFile(path) : null;

    private static string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>The selected slices of a SLURM fan-out instance (<c>SliceArray</c>, compact), or empty elsewhere.</summary>
    public static string SliceArray(ITaskItem context) => context.GetMetadata("SliceArray").Trim();
}
