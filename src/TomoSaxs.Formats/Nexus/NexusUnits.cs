namespace TomoSaxs.Formats.Nexus;

/// <summary>
/// Conversion factors for the unit strings found in NeXus "units" attributes. Lengths convert to µm (the
/// pipeline's length unit) or nm (wavelengths), times to s. Matching ignores case and surrounding spaces.
/// </summary>
public static class NexusUnits
{
    private static readonly Dictionary<string, double> MetresPerLengthUnit = new(StringComparer.OrdinalIgnoreCase)
    {
        ["m"] = 1, ["metre"] = 1, ["metres"] = 1, ["meter"] = 1, ["meters"] = 1,
        ["cm"] = 1e-2,
        ["mm"] = 1e-3, ["millimetre"] = 1e-3, ["millimetres"] = 1e-3, ["millimeter"] = 1e-3, ["millimeters"] = 1e-3,
        ["um"] = 1e-6, ["µm"] = 1e-6, ["μm"] = 1e-6, ["micron"] = 1e-6, ["microns"] = 1e-6,
        ["micrometre"] = 1e-6, ["micrometres"] = 1e-6, ["micrometer"] = 1e-6, ["micrometers"] = 1e-6,
        ["nm"] = 1e-9, ["nanometre"] = 1e-9, ["nanometres"] = 1e-9, ["nanometer"] = 1e-9, ["nanometers"] = 1e-9,
        ["angstrom"] = 1e-10, ["angstroms"] = 1e-10, ["\u00C5"] = 1e-10, ["\u212B"] = 1e-10, ["A"] = 1e-10, ["ang"] = 1e-10,
        ["pm"] = 1e-12,
    };

    private static readonly Dictionary<string, double> SecondsPerTimeUnit = new(StringComparer.OrdinalIgnoreCase)
    {
        ["s"] = 1, ["sec"] = 1, ["second"] = 1, ["seconds"] = 1,
        ["ms"] = 1e-3, ["millisecond"] = 1e-3, ["milliseconds"] = 1e-3,
        ["us"] = 1e-6, ["µs"] = 1e-6, ["μs"] = 1e-6, ["microsecond"] = 1e-6, ["microseconds"] = 1e-6,
        ["ns"] = 1e-9,
        ["min"] = 60, ["minute"] = 60, ["minutes"] = 60,
    };

    /// <summary>How many µm one <paramref name="unit"/> is, or null when the unit is not a known length.</summary>
    public static double? MicrometresPer(string unit) => MetresPer(unit) is { } metres ? metres * 1e6 : null;

    /// <summary>How many nm one <paramref name="unit"/> is, or null when the unit is not a known length.</summary>
    public static double? NanometresPer(string unit) => MetresPer(unit) is { } metres ? metres * 1e9 : null;

    /// <summary>How many seconds one <paramref name="unit"/> is, or null when the unit is not a known time.</summary>
    public static double? SecondsPer(string unit) =>
        SecondsPerTimeUnit.TryGetValue(unit.Trim(), out var seconds) ? seconds : null;

    private static double? MetresPer(string unit) =>
        MetresPerLengthUnit.TryGetValue(unit.Trim(), out var metres) ? metres : null;
}
