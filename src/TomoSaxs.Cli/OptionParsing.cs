using System.Globalization;

namespace TomoSaxs.Cli;

/// <summary>Parses the compact option values the commands accept ("a,b" pairs, "i,j" indices).</summary>
internal static class OptionParsing
{
    /// <summary>Parses "a,b" into two invariant-culture numbers with a &lt; b.</summary>
    public static (double Low, double High) Range(string text, string option)
    {
        var numbers = Numbers(text, option);
        if (numbers.Length != 2 || !(numbers[0] < numbers[1]))
        {
            throw new UsageException($"{option} '{text}' must be two increasing numbers 'low,high'.");
        }

        return (numbers[0], numbers[1]);
    }

    /// <summary>Parses a comma-separated list of numbers.</summary>
    public static double[] Numbers(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new UsageException($"{option} '{text}': '{parts[i]}' is not a number.");
            }
        }

        return values;
    }

    /// <summary>Parses a comma-separated list of non-negative whole numbers (an index or a pair of counts).</summary>
    public static int[] Integers(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new UsageException($"{option} '{text}': '{parts[i]}' is not a non-negative whole number.");
            }
        }

        return values;
    }
}
