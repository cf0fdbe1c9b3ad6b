using System.Globalization;

namespace TomoSaxs.Scan;

/// <summary>
/// The one set of rules for turning scalar text into numbers, whole numbers and booleans, used alike for
/// scan.yaml values and for <c>--set</c> values. Invariant culture throughout: "0.5" means a half on every machine.
/// </summary>
public static class ScalarText
{
    /// <summary>A finite decimal or scientific number ("0.282179", "-1", "1e-3"); no NaN, infinity or hex.</summary>
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A whole number that fits 32 bits, written without a decimal point ("180", "-3").</summary>
    public static bool TryInteger(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary><c>true</c> or <c>false</c>, in any letter case (YAML 1.2 core schema; not yes/no/on/off).</summary>
    public static bool TryBoolean(string text, out bool value)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return trimmed.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Formats a number for messages and JSON: shortest text that reads back to the same double.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
