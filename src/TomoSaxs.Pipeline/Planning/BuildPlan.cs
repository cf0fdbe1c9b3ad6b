using System.Text;

namespace TomoSaxs.Pipeline;

/// <summary>
/// What a build of one target would do: every stage it depends on, for the scan or for each selected slice, in
/// the order the build runs them, each with the reasons it would run. A step that would run makes every later
/// step reading its outputs run too, as MSBuild would find once the file is rewritten.
/// </summary>
public sealed class BuildPlan
{
    private BuildPlan(StageDeclaration target, SliceSelection? slices, IReadOnlyList<PlanEntry> entries, ArtifactLayout layout)
    {
        Target = target;
        Slices = slices;
        Entries = entries;
        Layout = layout;
    }

    /// <summary>The stage the build was asked for.</summary>
    public StageDeclaration Target { get; }

    /// <summary>The slices per-slice stages run for, or null when the plan has no per-slice stage.</summary>
    public SliceSelection? Slices { get; }

    /// <summary>Every step, upstream first; per-slice stages once per selected slice.</summary>
    public IReadOnlyList<PlanEntry> Entries { get; }

    /// <summary>The scan's artefact layout, for showing paths.</summary>
    public ArtifactLayout Layout { get; }

    /// <summary>True when no step would run.</summary>
    public bool UpToDate => Entries.All(entry => !entry.WouldRun);

    /// <summary>Explains a build of <paramref name="target"/>.</summary>
    /// <param name="graph">The declared stages.</param>
    /// <param name="target">The stage asked for.</param>
    /// <param name="slices">The selected slices; required when the plan has a per-slice stage or one reading all slices.</param>
    /// <param name="stamps">Each stage's stamps as this build would write them.</param>
    /// <param name="layout">The scan's artefact layout.</param>
    /// <param name="force">Whether <c>--force</c> was given; it reruns <paramref name="target"/>, not the stages upstream.</param>
    public static BuildPlan Create(
        StageGraph graph, StageDeclaration target, SliceSelection? slices,
        Func<StageDeclaration, StageStamps> stamps, ArtifactLayout layout, bool force)
    {
        var order = graph.BuildOrder(target);
        if (slices is null && order.Any(stage => stage.PerSlice || stage.ReadsAllSlices))
        {
            throw new ArgumentNullException(nameof(slices), $"The plan for {target.Name} has per-slice stages; give the slices.");
        }

        var pending = new Dictionary<string, string>(StageGraph.PathComparer);
        var entries = new List<PlanEntry>();
        foreach (var stage in order)
        {
            var stageStamps = stamps(stage);
            var steps = stage.PerSlice ? slices!.Slices.Select(slice => (int?)slice) : [null];
            foreach (var slice in steps)
            {
                var entry = Explain(stage, slice, slices?.SliceCount ?? 0, stageStamps, layout, force && stage == target, pending.GetValueOrDefault);
                entries.Add(entry);
                if (entry.WouldRun)
                {
                    foreach (var output in stage.Outputs)
                    {
                        pending[Concrete(output, slice)] = entry.Label;
                    }
                }
            }
        }

        return new BuildPlan(target, order.Any(stage => stage.PerSlice) ? slices : null, entries, layout);
    }

    /// <summary>
    /// One step: whether <paramref name="stage"/> would run for <paramref name="slice"/> (null for the scan) and why,
    /// by MSBuild's rule for its Inputs and Outputs (<see cref="StalenessExplainer"/>). The SLURM executor asks the same
    /// question for each slice when a per-slice stage's turn comes.
    /// </summary>
    /// <param name="stage">The stage.</param>
    /// <param name="slice">The slice, or null for a scan-level stage.</param>
    /// <param name="sliceCount">The scan's slice count: a scan-level stage's per-slice inputs stand for every slice.</param>
    /// <param name="stamps">The stage's stamps.</param>
    /// <param name="layout">The scan's artefact layout.</param>
    /// <param name="force">Whether <c>--force</c> applies to this stage.</param>
    /// <param name="pendingProducer">For an input an earlier step of the same build will rewrite, that step's label.</param>
    public static PlanEntry Explain(
        StageDeclaration stage, int? slice, int sliceCount, StageStamps stamps, ArtifactLayout layout, bool force, Func<string, string?> pendingProducer)
    {
        var check = new StalenessCheck(
            stage.ConcreteInputs(slice, sliceCount), stage.Outputs.Select(file => Concrete(file, slice)).ToList(),
            stamps, force, pendingProducer);
        return new PlanEntry(stage, slice, StalenessExplainer.Explain(check, layout.Display));
    }

    /// <summary>
    /// The full plan for <c>--plan</c>: one line per step with its verdict and reasons, headed by
    /// <paramref name="targetName"/> (the target asked for, when it stands for <see cref="Target"/>) or the stage.
    /// </summary>
    public string Describe(string scanName, string? targetName = null)
    {
        var text = new StringBuilder();
        text.Append($"Plan for {targetName ?? Target.Name} on scan {scanName}").Append(SlicesClause()).AppendLine(":");
        var width = Entries.Max(entry => entry.Label.Length);
        foreach (var entry in Entries)
        {
            text.Append("  ").Append(entry.Label.PadRight(width)).Append("  ").AppendLine(entry.Verdict);
        }

        var running = Entries.Count(entry => entry.WouldRun);
        text.Append(running == 0
            ? "Everything is up to date; nothing would run."
            : $"{running} of {Entries.Count} step{(Entries.Count == 1 ? "" : "s")} would run.");
        return text.ToString();
    }

    /// <summary>
    /// The short account a build prints before it starts: one line per stage saying it is up to date, or which
    /// slices run and why (each distinct reason once), headed like <see cref="Describe"/>.
    /// </summary>
    public string Summarise(string scanName, string? targetName = null)
    {
        var name = targetName ?? Target.Name;
        if (UpToDate)
        {
            return $"{name} on scan {scanName}{SlicesClause()}: everything is up to date.";
        }

        var text = new StringBuilder($"{name} on scan {scanName}{SlicesClause()}:");
        foreach (var stage in Entries.GroupBy(entry => entry.Stage))
        {
            var steps = stage.ToList();
            var running = steps.Where(entry => entry.WouldRun).ToList();
            text.AppendLine().Append("  ").Append(stage.Key.Name).Append(": ");
            if (running.Count == 0)
            {
                text.Append("up to date");
            }
            else if (running.Count == 1)
            {
                var slice = running[0].Slice is { } s ? $" slice {ArtifactLayout.SliceFolderName(s)}" : "";
                text.Append($"to build{slice} — {running[0].Reasons[0]}");
            }
            else
            {
                var slices = SliceSelection.Compact(running.Select(entry => entry.Slice!.Value));
                var why = running.Select(entry => entry.Reasons[0].Summary).Distinct(StringComparer.Ordinal);
                text.Append($"{running.Count} of {steps.Count} slices to build ({slices}) — {string.Join("; ", why)}");
            }
        }

        return text.ToString();
    }

    private static string Concrete(StageFile file, int? slice) => slice is { } s ? ArtifactLayout.ForSlice(file.Path, s) : file.Path;

    private string SlicesClause() =>
        Slices is null ? "" : Slices.IsAll ? $" (all {Slices.SliceCount} slices)" : $" (slices {Slices} of {Slices.SliceCount})";
}
