using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using TomoSaxs.Pipeline;
using TomoSaxs.Scan;
using Task = Microsoft.Build.Utilities.Task;

namespace TomoSaxs.Tasks;

/// <summary>
/// Runs before any stage (target <c>PrepareScan</c>): loads and validates the scan with its <c>--set</c>
/// overrides, selects the slices, explains what the requested target would run and why, writes the parameter and
/// stage-version stamps of the stages involved (only where their content changed; never when planning), and
/// returns one <c>SliceProject</c> item per selected slice for the per-slice fan-out, and the stage files with the
/// paths only the scan knows made concrete (<c>{scan:key}</c> paths; per-slice inputs of scan-level stages, over
/// every slice of the scan), which Common.targets puts in place of the declared ones.
/// </summary>
public sealed class PrepareScan : Task
{
    /// <summary>The scan name as given to <c>--scan</c> (the folder under the scans root).</summary>
    [Required]
    public string ScanName { get; set; } = "";

    /// <summary>The scan.yaml to load.</summary>
    [Required]
    public string ScanFile { get; set; } = "";

    /// <summary>The scan's artefact folder.</summary>
    [Required]
    public string ScanArtifacts { get; set; } = "";

    /// <summary>The project the slices are built with (the entry project itself).</summary>
    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>The <c>--set</c> overrides joined with '|' (see <see cref="OverrideList"/>).</summary>
    public string? Set { get; set; }

    /// <summary>The <c>--slices</c> list, e.g. <c>0-3,7</c>; empty for all.</summary>
    public string? Slices { get; set; }

    /// <summary>One slice (<c>--slice N</c>), e.g. for a per-slice target run on its own as a SLURM array task; empty otherwise.</summary>
    public string? Slice { get; set; }

    /// <summary>The <c>PipelineStage</c> items.</summary>
    public ITaskItem[] Stages { get; set; } = [];

    /// <summary>The <c>StageInput</c> items.</summary>
    public ITaskItem[] StageInputs { get; set; } = [];

    /// <summary>The <c>StageOutput</c> items.</summary>
    public ITaskItem[] StageOutputs { get; set; } = [];

    /// <summary>
    /// The <c>PipelineTarget</c> items. A target that is not a stage itself but runs several (e.g. Phantom) names
    /// the last of them in its <c>Stage</c> metadata, so that the plan, the stamps and <c>--force</c> cover them.
    /// </summary>
    public ITaskItem[] Targets { get; set; } = [];

    /// <summary>The target the build was asked for; the plan and the stamps cover it and its upstream stages.</summary>
    public string? RequestedTarget { get; set; }

    /// <summary>Print the full plan and write nothing.</summary>
    public bool Plan { get; set; }

    /// <summary><c>--force</c> was given.</summary>
    public bool Force { get; set; }

    /// <summary>
    /// The <c>StageContext</c> item: its executor metadata (<c>Executor</c>, the <c>Slurm…</c> options) decide whether
    /// per-slice stages run here or on SLURM. Optional; without it slices run here.
    /// </summary>
    public ITaskItem? Context { get; set; }

    /// <summary>
    /// One item per selected slice: the project, with <c>AdditionalProperties</c> naming the slice. Under
    /// <c>--executor slurm</c> one item for all of them instead (<c>SliceArray=0-3,7</c>), in whose project instance a
    /// stage's <c>&lt;Stage&gt;Slice</c> target hands the slices to SLURM.
    /// </summary>
    [Output]
    public ITaskItem[] SliceProjects { get; private set; } = [];

    /// <summary>
    /// <see cref="StageInputs"/> with the scan's paths made concrete: <c>{scan:key}</c> paths resolved, and a
    /// scan-level stage's per-slice inputs expanded over all the scan's slices (for the stages this build runs).
    /// </summary>
    [Output]
    public ITaskItem[] ResolvedStageInputs { get; private set; } = [];

    /// <summary><see cref="StageOutputs"/> with <c>{scan:key}</c> paths resolved.</summary>
    [Output]
    public ITaskItem[] ResolvedStageOutputs { get; private set; } = [];

    /// <summary>Whether the scan is synthetic (has a phantom block); the phantom's targets run only then.</summary>
    [Output]
    public bool SyntheticScan { get; private set; } = true;

    /// <summary>The stage the requested target stands for (itself, or its <c>Stage</c> metadata); empty if none.</summary>
    [Output]
    public string RequestedStageName { get; private set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            Prepare();
        }
        catch (Exception error)
        {
            ProblemLog.Failure(Log, error, $"Preparing scan {ScanName}");
        }

        return !Log.HasLoggedErrors;
    }

    private void Prepare()
    {
        if (ScanName.Length == 0 || ScanName.IndexOfAny(['/', '\\']) >= 0 || ScanName is "." or "..")
        {
            Log.LogError($"'{ScanName}' is not a scan name; --scan takes the name of a folder under the scans folder.");
            return;
        }

        var scan = ScanContext.Load(ScanFile, ScanArtifacts, OverrideList.Parse(Set));
        var inputs = StageItems.ResolveScanPaths(StageInputs, scan.Definition);
        var outputs = StageItems.ResolveScanPaths(StageOutputs, scan.Definition);
        // A measured scan's raw files are measurements: the stages that generate a synthetic scan (those stamping the
        // phantom section) do not apply, so they are left out of the graph, the plan and the stamps, and their targets
        // are skipped (SyntheticScan = false). Asking for one of them is an error.
        var generators = scan.Definition.IsPhantom ? [] : PhantomGenerators();
        SyntheticScan = scan.Definition.IsPhantom;
        if (generators.Count > 0 && AsksFor(generators))
        {
            Log.LogError(null, null, null, ScanFile, 0, 0, 0, 0,
                $"phantom: the scan has no phantom block, so there is no synthetic scan to generate ({RequestedTarget} generates one).");
            return;
        }

        var graph = StageItems.Graph(
            [.. Stages.Where(stage => !generators.Contains(stage.ItemSpec))],
            [.. inputs.Where(file => !generators.Contains(file.GetMetadata("Stage")))],
            [.. outputs.Where(file => !generators.Contains(file.GetMetadata("Stage")))]);
        var target = RequestedStage(graph);
        RequestedStageName = target?.Name ?? "";
        if (Plan && target is null)
        {
            Log.LogError(string.IsNullOrEmpty(RequestedTarget)
                ? "--plan needs a target: ./build.sh <Target> --scan NAME --plan."
                : $"{RequestedTarget} is not a build stage, so there is nothing to plan; " +
                  (graph.Stages.Count == 0 ? "no stage is declared yet." : $"stages: {string.Join(", ", graph.Stages.Select(s => s.Name))}."));
            return;
        }

        var stages = target is null ? graph.Stages : graph.BuildOrder(target);
        var oneSlice = ParseSlice();
        var slices = oneSlice is { } one ? scan.SelectSlice(one)
            : stages.Any(stage => stage.PerSlice || stage.ReadsAllSlices) || !string.IsNullOrWhiteSpace(Slices) ? scan.SelectSlices(Slices)
            : null;
        ResolvedStageInputs = StageItems.ExpandAllSliceInputs(inputs, stages, () => scan.SliceCount);
        ResolvedStageOutputs = outputs;

        // A <Stage>Slice target asked for directly (what an array task runs) builds its slice here whatever the executor.
        var standaloneSlice = target is not null && graph.Find(RequestedTarget!) is null && !IsAlias(RequestedTarget);
        var onSlurm = slices is not null && stages.Any(stage => stage.PerSlice) && !standaloneSlice && UsesSlurm();

        // Checked before anything is explained or written, so a build that cannot submit fails at once and leaves no trace.
        if (onSlurm)
        {
            ReportSlurmProblems(scan);
        }

        if (Log.HasLoggedErrors)
        {
            return;
        }

        var stamps = stages.ToDictionary(stage => stage, stage => StageStamps.For(stage, scan));
        if (target is not null)
        {
            // Explained before the stamps are written: the plan names what changed by comparing stamp contents.
            var plan = BuildPlan.Create(graph, target, slices, stage => stamps[stage], scan.Layout, Force);
            // Headed by the target asked for (Phantom), which may stand for its last stage (PhantomAssemble).
            var asked = IsAlias(RequestedTarget) ? RequestedTarget : null;
            Log.LogMessage(MessageImportance.High, Plan ? plan.Describe(ScanName, asked) : plan.Summarise(ScanName, asked));
        }

        if (Plan)
        {
            return;
        }

        foreach (var stageStamps in stamps.Values)
        {
            stageStamps.Write();
        }

        // With --slice N a fan-out target builds that one slice, like --slices N.
        SliceProjects = slices is null ? []
            : onSlurm ? [SliceArrayProject(slices)]
            : slices.Slices.Select(SliceProject).ToArray();
    }

    // The stages that stamp the phantom section: they generate a synthetic scan's raw files.
    private HashSet<string> PhantomGenerators() =>
        Stages.Where(stage => stage.GetMetadata("Parameters").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Contains("phantom", StringComparer.Ordinal))
            .Select(stage => stage.ItemSpec).ToHashSet(StringComparer.OrdinalIgnoreCase);

    // Whether the requested target is one of those stages, its per-slice target, or a target standing for one.
    private bool AsksFor(HashSet<string> stages)
    {
        if (string.IsNullOrWhiteSpace(RequestedTarget))
        {
            return false;
        }

        var named = AliasedStage(RequestedTarget) ?? RequestedTarget;
        return stages.Contains(named) || (named.EndsWith("Slice", StringComparison.Ordinal) && stages.Contains(named[..^"Slice".Length]));
    }

    private bool UsesSlurm()
    {
        if (Context is null)
        {
            return false;
        }

        var slurm = ExecutorItems.IsSlurm(Context, out var problem);
        if (problem is not null)
        {
            Log.LogError(problem);
        }

        return slurm;
    }

    private void ReportSlurmProblems(ScanContext scan)
    {
        var settings = ExecutorItems.Settings(Context!, scan, out var optionProblems);
        var problems = optionProblems.Count > 0 ? optionProblems : SlurmPreflight.Check(new ProcessCommandRunner(), settings);
        foreach (var problem in problems)
        {
            Log.LogError(problem);
        }
    }

    private StageDeclaration? RequestedStage(StageGraph graph)
    {
        if (string.IsNullOrWhiteSpace(RequestedTarget))
        {
            return null;
        }

        var alias = AliasedStage(RequestedTarget);
        if (alias is not null)
        {
            return graph.Find(alias) ?? throw new StageGraphException([$"The target {RequestedTarget} names the stage {alias}, which is not declared."]);
        }

        // "IntegrateSlice" (a per-slice target run on its own) plans the Integrate stage for that slice.
        return graph.Find(RequestedTarget)
               ?? (RequestedTarget.EndsWith("Slice", StringComparison.Ordinal) && graph.Find(RequestedTarget[..^"Slice".Length]) is { PerSlice: true } stage
                   ? stage
                   : null);
    }

    // The stage a PipelineTarget that is not a stage itself stands for (its Stage metadata), or null.
    private string? AliasedStage(string? target) =>
        Targets.FirstOrDefault(t => string.Equals(t.ItemSpec, target, StringComparison.OrdinalIgnoreCase))?.GetMetadata("Stage") is { Length: > 0 } stage
            ? stage.Trim()
            : null;

    private bool IsAlias(string? target) => AliasedStage(target) is not null;

    private int? ParseSlice()
    {
        if (string.IsNullOrWhiteSpace(Slice))
        {
            return null;
        }

        return int.TryParse(Slice, NumberStyles.None, CultureInfo.InvariantCulture, out var slice)
            ? slice
            : throw new ScanDefinitionException(ScanFile, [new ScanProblem($"Slice={Slice}", "", "expected a slice number (a whole number ≥ 0).")]);
    }

    // The instance standing for every selected slice under --executor slurm; Slice is cleared so that its
    // SliceArtifacts declare the files of all slices ({slice}), as in the scan-level instance.
    private TaskItem SliceArrayProject(SliceSelection slices) =>
        new(ProjectFile, new Dictionary<string, string>
        {
            ["AdditionalProperties"] = $"SliceArray={slices.ToString().Replace(",", "%2C", StringComparison.Ordinal)};Slice=;FannedOut=true",
        });

    private TaskItem SliceProject(int slice) =>
        new(ProjectFile, new Dictionary<string, string>
        {
            // FannedOut tells the slice instance that PrepareScan has already run in the parent.
            ["AdditionalProperties"] = $"Slice={slice.ToString(CultureInfo.InvariantCulture)};FannedOut=true",
        });
}
