namespace TomoSaxs.Scan;

/// <summary>
/// The effective parameters of one stage: defaults, overridden by scan.yaml, overridden by <c>--set</c>. Every
/// declared parameter has a value. Typed getters throw <see cref="InvalidOperationException"/> when asked for a
/// parameter the stage does not declare or with the wrong type: that is a bug in the calling stage.
/// </summary>
public sealed class StageParameters
{
    private readonly IReadOnlyDictionary<string, object> values;

    internal StageParameters(StageSchema schema, IReadOnlyDictionary<string, object> values)
    {
        Schema = schema;
        this.values = values;
    }

    /// <summary>The stage's declaration.</summary>
    public StageSchema Schema { get; }

    /// <summary>The stage name.</summary>
    public string Stage => Schema.Name;

    /// <summary>Every value by parameter name (double, int, bool, string or <see cref="AutoOrNumber"/>).</summary>
    public IReadOnlyDictionary<string, object> Values => values;

    /// <summary>A <see cref="ParameterKind.Number"/> value.</summary>
    public double Number(string name) => Get<double>(name, ParameterKind.Number);

    /// <summary>An <see cref="ParameterKind.Integer"/> value.</summary>
    public int Integer(string name) => Get<int>(name, ParameterKind.Integer);

    /// <summary>A <see cref="ParameterKind.Boolean"/> value.</summary>
    public bool Boolean(string name) => Get<bool>(name, ParameterKind.Boolean);

    /// <summary>A <see cref="ParameterKind.Text"/> or <see cref="ParameterKind.Choice"/> value.</summary>
    public string Text(string name) =>
        Schema.Find(name)?.Kind == ParameterKind.Choice ? Get<string>(name, ParameterKind.Choice) : Get<string>(name, ParameterKind.Text);

    /// <summary>An <see cref="ParameterKind.AutoOrNumber"/> value.</summary>
    public AutoOrNumber AutoOrNumber(string name) => Get<AutoOrNumber>(name, ParameterKind.AutoOrNumber);

    /// <summary>
    /// The canonical JSON of these values — the stage's parameter stamp: one object, keys sorted by ordinal
    /// order, numbers in shortest round-trip invariant form, "auto" as a string, no white space. Equal values
    /// give byte-identical text on every run and machine.
    /// </summary>
    public string ToCanonicalJson() => CanonicalParameterJson.Write(values);

    private T Get<T>(string name, ParameterKind kind)
    {
        var definition = Schema.Find(name)
            ?? throw new InvalidOperationException($"Stage '{Stage}' has no parameter '{name}'.");
        return definition.Kind == kind && values[name] is T value
            ? value
            : throw new InvalidOperationException($"Parameter '{Stage}.{name}' is {definition.Kind}, not {kind}.");
    }
}
