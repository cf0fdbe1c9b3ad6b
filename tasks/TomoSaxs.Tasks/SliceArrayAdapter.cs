using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using TomoSaxs.Pipeline;

namespace TomoSaxs.Tasks;

/// <summary>
/// A per-slice stage's task under <c>--executor slurm</c>. The fan-out then builds the stage's <c>&lt;Stage&gt;Slice</c>
/// target once, in a project instance standing for all selected slices (global property <c>SliceArray</c>), and the
/// stage's task (any <see cref="StageTask"/>) comes here instead of running a slice: it maps its items to a
/// <see cref="SliceArrayRequest"/>, runs <see cref="SliceArrayRun"/> and reports the outcome as messages and errors.
/// </summary>
internal static class SliceArrayAdapter
{
    /// <summary>Builds <paramref name="stage"/>'s stale slices on SLURM; logs an error per slice that failed, or one when interrupted.</summary>
    public static void Run(
        TaskLoggingHelper log, ITaskItem context, string stage, ITaskItem[] inputs, ITaskItem[] outputs, BuildInterruption interruption)
    {
        var scan = ScanContext.Load(context.GetMetadata("ScanFile"), context.GetMetadata("ScanArtifacts"), OverrideList.Parse(context.GetMetadata("Set")));
        var settings = ExecutorItems.Settings(context, scan, out var problems);
        foreach (var problem in problems)
        {
            log.LogError(problem);
        }

        if (problems.Count > 0)
        {
            return;
        }

        // The instance standing for all slices gets the declared items as a slice instance does, {scan:key} paths
        // unresolved (Common.targets resolves them only in the scan-level instance); the staleness check needs the
        // files scan.yaml names there, or it takes "{scan:raw.saxs.files}" for a missing input and every slice for stale.
        var declaration = new StageDeclaration(
            stage, StageIdentity.FromStamps(scan.Layout, stage).Version, [], PerSlice: true,
            StageItems.Files(StageItems.ResolveScanPaths(inputs, scan.Definition), stage),
            StageItems.Files(StageItems.ResolveScanPaths(outputs, scan.Definition), stage));
        var request = new SliceArrayRequest(
            scan, declaration, scan.SelectSlices(ExecutorItems.SliceArray(context)), StageItems.IsForced(outputs, stage), settings,
            ExecutorItems.RepositoryRoot(context), ExecutorItems.JobEnvironment(context), ExecutorItems.DotnetDirectory(),
            ExecutorItems.PollInterval(context), ExecutorItems.SubmittedJobs(context));

        var run = new SliceArrayRun(new SlurmClient(new ProcessCommandRunner()), message => log.LogMessage(MessageImportance.High, message));
        var result = run.Execute(request, interruption.Token);
        switch (result.Outcome)
        {
            case SliceArrayOutcome.Failed:
                foreach (var failure in result.Failures)
                {
                    log.LogError(failure.Message);
                    foreach (var line in failure.LogExcerpt)
                    {
                        log.LogMessage(MessageImportance.High, "    | " + line);
                    }
                }

                var failed = SliceSelection.Compact(result.Failures.Select(f => f.Slice));
                log.LogError($"{stage}: {result.Failures.Count} of {request.Slices.Slices.Count} slices not built on SLURM ({failed}); " +
                             "the others are built and kept. Fix the cause and run the build again: it submits only the slices still stale.");
                break;
            case SliceArrayOutcome.Cancelled:
                log.LogError($"{stage}: interrupted ({interruption.Reason ?? "cancelled"})" +
                             (result.JobId is { } job ? $"; SLURM job {job} was cancelled." : " before anything was submitted."));
                break;
        }
    }
}
