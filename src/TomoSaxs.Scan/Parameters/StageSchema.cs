using System.Text.RegularExpressions;

namespace TomoSaxs.Scan;

/// <summary>
/// Everything a stage declares about its parameters: its name (the key under <c>stages:</c> and before the dot
/// in <c>--set</c>), a one-line description, the parameters, and optionally a check across parameters (e.g.
/// "the background bands must stay above q = 0"). Each stage keeps its schema in one file under
/// <c>Parameters/</c> and lists it in <see cref="StageCatalog.Default"/>.
/// </summary>
public sealed partial class StageSchema
{
    private readonly Dictionary<string, ParameterDefinition> byName;
    private readonly Func<StageParameters, IEnumerable<string>>? crossCheck;

    /// <summary>Declares a stage.</summary>
    /// <param name="name">snake_case stage name, e.g. <c>integrate</c>.</param>
    /// <param name="description">One line on what the stage does.</param>
    /// <param name="parameters">The parameters; names must be unique.</param>
    /// <param name="crossCheck">
    /// Optional check of the effective values together; returns one message per violated rule (the message
    /// should name the parameters involved).
    /// </param>
    public StageSchema(
        string name, string description, IReadOnlyList<ParameterDefinition> parameters,
        Func<StageParameters, IEnumerable<string>>? crossCheck = null)
    {
        if (!SnakeCase().IsMatch(name))
        {
            throw new ArgumentException($"Stage name '{name}' must be snake_case (a–z, 0–9, '_').", nameof(name));
        }

        byName = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (!byName.TryAdd(parameter.Name, parameter))
            {
                throw new ArgumentException($"Stage '{name}' declares parameter '{parameter.Name}' twice.", nameof(parameters));
            }
        }

        Name = name;
        Description = description;
        Parameters = parameters;
        this.crossCheck = crossCheck;
    }

    /// <summary>The stage name.</summary>
    public string Name { get; }

    /// <summary>One line on what the stage does.</summary>
    public string Description { get; }

    /// <summary>The parameters in declaration order.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>The parameter called <paramref name="name"/>, or null.</summary>
    public ParameterDefinition? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The cross-parameter problems of a complete set of effective values (empty when fine).</summary>
    public IEnumerable<string> CheckTogether(StageParameters values) => crossCheck?.Invoke(values) ?? [];

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();
}
