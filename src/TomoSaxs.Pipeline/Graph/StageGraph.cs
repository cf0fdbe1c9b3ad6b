namespace TomoSaxs.Pipeline;

/// <summary>
/// The declared stages and how they connect. A stage depends on the stages that write the files it reads, so
/// the plan follows the same files that MSBuild's Inputs/Outputs compare; no dependency is declared twice.
/// </summary>
public sealed class StageGraph
{
    /// <summary>How paths compare: by letter case except on Windows, whose file systems ignore it.</summary>
    internal static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private readonly List<StageDeclaration> stages;
    private readonly Dictionary<string, StageDeclaration> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, StageDeclaration> producers = new(PathComparer);

    /// <summary>Checks and connects <paramref name="stages"/>.</summary>
    /// <exception cref="StageGraphException">A declaration is incomplete, a name or output is declared twice, or the stages form a cycle.</exception>
    public StageGraph(IEnumerable<StageDeclaration> stages)
    {
        this.stages = stages.ToList();
        var problems = new List<string>();
        foreach (var stage in Stages)
        {
            problems.AddRange(stage.Problems());
            if (!byName.TryAdd(stage.Name, stage))
            {
                problems.Add($"The stage {stage.Name} is declared twice.");
            }

            foreach (var output in stage.Outputs)
            {
                if (!producers.TryAdd(output.Path, stage) && producers[output.Path] != stage)
                {
                    problems.Add($"{output.Path} is written by both {producers[output.Path].Name} and {stage.Name}.");
                }
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(Stages.Select(FindCycle).OfType<string>().Take(1));
        }

        if (problems.Count > 0)
        {
            throw new StageGraphException(problems);
        }
    }

    /// <summary>The stages in declaration order.</summary>
    public IReadOnlyList<StageDeclaration> Stages => stages;

    /// <summary>The stage called <paramref name="name"/> (any letter case), or null.</summary>
    public StageDeclaration? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The stage that writes <paramref name="path"/> (as declared, slice token included), or null.</summary>
    public StageDeclaration? ProducerOf(string path) => producers.GetValueOrDefault(path);

    /// <summary>The stages whose outputs <paramref name="stage"/> reads, in declaration order.</summary>
    public IReadOnlyList<StageDeclaration> Upstream(StageDeclaration stage) =>
        stage.Inputs.Select(input => ProducerOf(input.Path)).OfType<StageDeclaration>()
            .Where(producer => producer != stage).Distinct().OrderBy(IndexOf).ToList();

    /// <summary>
    /// <paramref name="target"/> and every stage it depends on, directly or not, upstream first (ties in
    /// declaration order): the order in which a build of <paramref name="target"/> runs them.
    /// </summary>
    public IReadOnlyList<StageDeclaration> BuildOrder(StageDeclaration target)
    {
        var order = new List<StageDeclaration>();
        var seen = new HashSet<StageDeclaration>();
        Visit(target);
        return order;

        void Visit(StageDeclaration stage)
        {
            if (!seen.Add(stage))
            {
                return;
            }

            foreach (var upstream in Upstream(stage))
            {
                Visit(upstream);
            }

            order.Add(stage);
        }
    }

    private int IndexOf(StageDeclaration stage) => stages.IndexOf(stage);

    private string? FindCycle(StageDeclaration start)
    {
        var path = new List<StageDeclaration>();
        return Walk(start);

        string? Walk(StageDeclaration stage)
        {
            if (path.Contains(stage))
            {
                var loop = path.Skip(path.IndexOf(stage)).Append(stage).Select(s => s.Name);
                return $"The stages depend on each other in a cycle: {string.Join(" → ", loop)}.";
            }

            path.Add(stage);
            var found = Upstream(stage).Select(Walk).FirstOrDefault(cycle => cycle is not null);
            path.RemoveAt(path.Count - 1);
            return found;
        }
    }
}
