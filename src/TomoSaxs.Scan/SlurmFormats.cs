using System.Text.RegularExpressions;

namespace TomoSaxs.Scan;

/// <summary>
/// The forms sbatch accepts for <c>--time</c> and <c>--mem</c>, shared by the scan.yaml <c>slurm:</c> block and the
/// build's command-line options so that both reject the same values with the same words, before anything is submitted.
/// </summary>
public static partial class SlurmFormats
{
    /// <summary>What a time limit should look like, for messages.</summary>
    public const string ExpectedTime =
        "a SLURM time such as 04:00:00, 90 (minutes), 1-12 or 1-12:30:00 (days-hours…), or UNLIMITED";

    /// <summary>What a memory request should look like, for messages.</summary>
    public const string ExpectedMemory = "a whole number with an optional K, M, G or T unit, such as 16G";

    /// <summary>True when <paramref name="text"/> (trimmed) is a time sbatch accepts for <c>--time</c>.</summary>
    public static bool IsTime(string text) => TimeFormat().IsMatch(text.Trim());

    /// <summary>True when <paramref name="text"/> (trimmed) is a memory size sbatch accepts for <c>--mem</c>.</summary>
    public static bool IsMemory(string text) => MemoryFormat().IsMatch(text.Trim());

    // sbatch --time accepts: minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes,
    // days-hours:minutes:seconds; and UNLIMITED/INFINITE.
    [GeneratedRegex(@"^(?:[0-9]+(?::[0-9]{1,2}){0,2}|[0-9]+-[0-9]{1,2}(?::[0-9]{1,2}){0,2}|UNLIMITED|INFINITE)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeFormat();

    [GeneratedRegex(@"^[0-9]+[KMGT]?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MemoryFormat();
}
