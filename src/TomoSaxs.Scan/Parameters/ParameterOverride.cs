namespace TomoSaxs.Scan;

/// <summary>
/// One command-line override <c>--set stage.param=value</c>. The value is parsed later, by the parameter's own
/// rules (the same as for scan.yaml), when the stage and parameter are known.
/// </summary>
/// <param name="Stage">The stage name before the dot.</param>
/// <param name="Parameter">The parameter name after the dot.</param>
/// <param name="Value">Everything after the first '=', untrimmed.</param>
/// <param name="Argument">The argument as given, for messages.</param>
public sealed record ParameterOverride(string Stage, string Parameter, string Value, string Argument)
{
    /// <summary>The source named in problems: <c>--set stage.param=value</c>.</summary>
    public string Source => "--set " + Argument;

    /// <summary>Splits <paramref name="argument"/> at the first '=' and the key at its one '.'.</summary>
    /// <returns>The override, or null with <paramref name="problem"/> describing the expected form.</returns>
    public static ParameterOverride? TryParse(string argument, out string? problem)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? argument : argument[..equals].Trim();
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (equals < 0 || dot <= 0 || dot == key.Length - 1 || key.IndexOf('.', dot + 1) >= 0)
        {
            problem = $"expected stage.param=value (e.g. integrate.chi_bins=360), got '{argument}'.";
            return null;
        }

        problem = null;
        return new ParameterOverride(key[..dot], key[(dot + 1)..], argument[(equals + 1)..], argument);
    }
}
