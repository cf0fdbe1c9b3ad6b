using System.Text.RegularExpressions;

namespace TomoSaxs.Scan;

/// <summary>
/// One stage parameter as a stage declares it: name (snake_case, with its unit in the name or the description),
/// type, default, allowed range or words, and a one-line description. Create with the static factories.
/// </summary>
public sealed partial record ParameterDefinition
{
    private ParameterDefinition(
        string name, ParameterKind kind, object? defaultValue, string description,
        NumericRange? range, IReadOnlyList<string> choices)
    {
        if (!SnakeCase().IsMatch(name))
        {
            throw new ArgumentException($"Parameter name '{name}' must be snake_case (a–z, 0–9, '_').", nameof(name));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            throw new ArgumentException($"Parameter '{name}' needs a description.", nameof(description));
        }

        Name = name;
        Kind = kind;
        Description = description;
        Range = range;
        Choices = choices;
        if (defaultValue is not null && Check(defaultValue) is { } problem)
        {
            throw new ArgumentException($"The default of parameter '{name}' is invalid: {problem}", nameof(defaultValue));
        }

        Default = defaultValue;
    }

    /// <summary>The key in scan.yaml and in <c>--set stage.name=…</c>.</summary>
    public string Name { get; }

    /// <summary>The value type.</summary>
    public ParameterKind Kind { get; }

    /// <summary>
    /// The default value (double, int, bool, string or <see cref="AutoOrNumber"/> according to <see cref="Kind"/>),
    /// or null when the parameter must be given.
    /// </summary>
    public object? Default { get; }

    /// <summary>One line: what it does, with units.</summary>
    public string Description { get; }

    /// <summary>The allowed interval for numeric kinds (for auto|number, of the number), or null for any value.</summary>
    public NumericRange? Range { get; }

    /// <summary>The allowed words for <see cref="ParameterKind.Choice"/>; empty otherwise.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>A number (double) parameter.</summary>
    public static ParameterDefinition Number(string name, double? defaultValue, string description, NumericRange? range = null) =>
        new(name, ParameterKind.Number, defaultValue, description, range, []);

    /// <summary>A whole-number (int) parameter.</summary>
    public static ParameterDefinition Integer(string name, int? defaultValue, string description, NumericRange? range = null) =>
        new(name, ParameterKind.Integer, defaultValue, description, range, []);

    /// <summary>A true/false parameter.</summary>
    public static ParameterDefinition Boolean(string name, bool? defaultValue, string description) =>
        new(name, ParameterKind.Boolean, defaultValue, description, null, []);

    /// <summary>A free-text parameter.</summary>
    public static ParameterDefinition Text(string name, string? defaultValue, string description) =>
        new(name, ParameterKind.Text, defaultValue, description, null, []);

    /// <summary>A parameter taking one of <paramref name="choices"/> (matched ignoring case, stored as declared).</summary>
    public static ParameterDefinition Choice(string name, string? defaultValue, IReadOnlyList<string> choices, string description) =>
        choices.Count == 0
            ? throw new ArgumentException($"Parameter '{name}' needs at least one choice.", nameof(choices))
            : new(name, ParameterKind.Choice, defaultValue, description, null, choices);

    /// <summary>An "auto | number" parameter; <paramref name="range"/> applies to pinned numbers.</summary>
    public static ParameterDefinition AutoOrNumber(string name, AutoOrNumber? defaultValue, string description, NumericRange? range = null) =>
        new(name, ParameterKind.AutoOrNumber, defaultValue, description, range, []);

    /// <summary>What a valid value looks like, for messages: "a number > 0", "auto or a number", …</summary>
    public string Expected => Kind switch
    {
        ParameterKind.Number => "a number" + RangeSuffix,
        ParameterKind.Integer => "a whole number" + RangeSuffix,
        ParameterKind.Boolean => "true or false",
        ParameterKind.Text => "text",
        ParameterKind.Choice => "one of: " + string.Join(", ", Choices),
        ParameterKind.AutoOrNumber => "auto or a number" + RangeSuffix,
        _ => Kind.ToString(),
    };

    private string RangeSuffix => Range is null ? "" : " " + Range.Describe();

    /// <summary>
    /// Parses <paramref name="text"/> by the same rules for YAML scalars and <c>--set</c> values.
    /// <paramref name="quoted"/> is true for quoted YAML scalars, which are text: they satisfy only text, choice
    /// and "auto", never a number or boolean (quoting "180" is taken as a mistake worth reporting).
    /// </summary>
    /// <returns>The value, or null with <paramref name="problem"/> saying what was expected.</returns>
    public object? Parse(string text, bool quoted, out string? problem)
    {
        var trimmed = text.Trim();
        object? value = Kind switch
        {
            ParameterKind.Number when !quoted && ScalarText.TryNumber(trimmed, out var number) => number,
            ParameterKind.Integer when !quoted && ScalarText.TryInteger(trimmed, out var integer) => integer,
            ParameterKind.Boolean when !quoted && ScalarText.TryBoolean(trimmed, out var flag) => flag,
            ParameterKind.Text => text,
            ParameterKind.Choice => Choices.FirstOrDefault(c => c.Equals(trimmed, StringComparison.OrdinalIgnoreCase)),
            ParameterKind.AutoOrNumber when trimmed.Equals("auto", StringComparison.OrdinalIgnoreCase) => Scan.AutoOrNumber.Auto,
            ParameterKind.AutoOrNumber when !quoted && ScalarText.TryNumber(trimmed, out var pinned) => Scan.AutoOrNumber.Of(pinned),
            _ => null,
        };

        if (value is null)
        {
            var shown = quoted ? $"the quoted text \"{text}\"" : $"'{text}'";
            problem = $"expected {Expected}, got {shown}.";
            return null;
        }

        problem = Check(value);
        return problem is null ? value : null;
    }

    /// <summary>Null when <paramref name="value"/> is a valid value of this parameter, else what is wrong.</summary>
    public string? Check(object value)
    {
        double? number = (Kind, value) switch
        {
            (ParameterKind.Number, double d) => d,
            (ParameterKind.Integer, int i) => i,
            (ParameterKind.AutoOrNumber, Scan.AutoOrNumber { IsAuto: false } a) => a.Value,
            (ParameterKind.AutoOrNumber, Scan.AutoOrNumber) => null,
            (ParameterKind.Boolean, bool) => null,
            (ParameterKind.Text, string) => null,
            (ParameterKind.Choice, string s) when Choices.Contains(s) => null,
            _ => throw new ArgumentException($"{value} ({value.GetType().Name}) is not a {Kind} value of '{Name}'."),
        };

        return number is { } n && Range is not null && !Range.Contains(n)
            ? $"{ScalarText.Format(n)} is out of range: expected {Expected}."
            : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();
}
