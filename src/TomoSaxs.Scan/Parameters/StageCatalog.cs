namespace TomoSaxs.Scan;

/// <summary>
/// The stages whose parameters scan.yaml may set. To give a stage parameters: write its declaration file under
/// <c>Parameters/</c> (see <see cref="IntegrateParameters"/>) and add its schema to <see cref="Default"/>.
/// </summary>
public sealed class StageCatalog
{
    private readonly Dictionary<string, StageSchema> byName;

    /// <summary>A catalog of the given stages; names must be unique.</summary>
    public StageCatalog(params IReadOnlyList<StageSchema> stages)
    {
        byName = new Dictionary<string, StageSchema>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            if (!byName.TryAdd(stage.Name, stage))
            {
                throw new ArgumentException($"Stage '{stage.Name}' is declared twice.", nameof(stages));
            }
        }

        Stages = stages;
    }

    /// <summary>Every stage with parameters, as the pipeline defines them.</summary>
    public static StageCatalog Default { get; } = new(
        CalibrateParameters.Schema,
        RegisterParameters.Schema,
        CorrectParameters.Schema,
        IntegrateParameters.Schema);

    /// <summary>The stages in declaration order.</summary>
    public IReadOnlyList<StageSchema> Stages { get; }

    /// <summary>The stage called <paramref name="name"/>, or null.</summary>
    public StageSchema? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The stage names, for messages and suggestions.</summary>
    public IReadOnlyCollection<string> Names => byName.Keys;
}
