namespace TomoSaxs.Scan;

/// <summary>The effective parameters of every stage in the catalog, by stage name.</summary>
public sealed class StageParameterSet
{
    private readonly IReadOnlyDictionary<string, StageParameters> byStage;

    internal StageParameterSet(IReadOnlyDictionary<string, StageParameters> byStage) => this.byStage = byStage;

    /// <summary>The parameters of <paramref name="stage"/>.</summary>
    /// <exception cref="KeyNotFoundException">The catalog has no such stage.</exception>
    public StageParameters this[string stage] =>
        byStage.TryGetValue(stage, out var parameters)
            ? parameters
            : throw new KeyNotFoundException($"No stage '{stage}' has parameters; known: {string.Join(", ", byStage.Keys)}.");

    /// <summary>The stage names.</summary>
    public IEnumerable<string> Stages => byStage.Keys;

    /// <summary>The canonical JSON of exactly <paramref name="stage"/>'s parameters (its parameter stamp).</summary>
    public string CanonicalJson(string stage) => this[stage].ToCanonicalJson();
}
