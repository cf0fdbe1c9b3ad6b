using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Scan;

/// <summary>
/// Collects every problem found while reading a scan definition, so that all of them are reported at once
/// instead of one per run.
/// </summary>
public sealed class ScanProblemList
{
    private readonly List<ScanProblem> problems = [];

    /// <summary>The problems so far, in the order found.</summary>
    public IReadOnlyList<ScanProblem> Items => problems;

    /// <summary>The number of problems so far.</summary>
    public int Count => problems.Count;

    /// <summary>Records a problem at the position of <paramref name="node"/> (or with no position).</summary>
    public void Add(string source, string keyPath, string message, YamlNode? node = null) =>
        problems.Add(node is null
            ? new ScanProblem(source, keyPath, message)
            : new ScanProblem(source, keyPath, message, (int)node.Start.Line, (int)node.Start.Column));

    /// <summary>Records a problem as it is.</summary>
    public void Add(ScanProblem problem) => problems.Add(problem);

    /// <summary>The problems in file order (by line, then column); problems without a position come last.</summary>
    public IReadOnlyList<ScanProblem> InFileOrder() =>
        problems
            .Select((problem, index) => (problem, index))
            .OrderBy(p => p.problem.Line ?? int.MaxValue)
            .ThenBy(p => p.problem.Column ?? 0)
            .ThenBy(p => p.index)
            .Select(p => p.problem)
            .ToList();
}
