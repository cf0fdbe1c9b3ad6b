using System.Text.RegularExpressions;

namespace TomoSaxs.Scan;

/// <summary>Reads and checks the optional <c>slurm:</c> section of scan.yaml.</summary>
internal static partial class SlurmSection
{
    public static SlurmSettings? Read(YamlMappingReader? slurm)
    {
        if (slurm is null)
        {
            return SlurmSettings.None;
        }

        var problemsBefore = slurm.Context.Problems.Count;
        var partition = slurm.Text("partition", required: false);
        var time = Checked(slurm, "time", TimeFormat(),
            "a SLURM time such as 04:00:00, 90 (minutes), 1-12 or 1-12:30:00 (days-hours…), or UNLIMITED");
        var mem = Checked(slurm, "mem", MemoryFormat(), "a whole number with an optional K, M, G or T unit, such as 16G");
        var cpus = slurm.Integer("cpus_per_task", required: false, NumericRange.AtLeast(1));
        var account = slurm.Text("account", required: false);
        var extraArgs = slurm.TextList("extra_args", required: false);
        slurm.ReportUnknownKeys();

        return slurm.Context.Problems.Count == problemsBefore
            ? new SlurmSettings(partition, time, mem, cpus, account, extraArgs ?? [])
            : null;
    }

    private static string? Checked(YamlMappingReader slurm, string key, Regex format, string expected)
    {
        var text = slurm.Text(key, required: false);
        if (text is null || format.IsMatch(text.Trim()))
        {
            return text?.Trim();
        }

        slurm.Context.Report(slurm.PathOf(key), $"expected {expected}, got '{text}'.", slurm.Peek(key));
        return null;
    }

    // sbatch --time accepts: minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes,
    // days-hours:minutes:seconds; and UNLIMITED/INFINITE.
    [GeneratedRegex(@"^(?:[0-9]+(?::[0-9]{1,2}){0,2}|[0-9]+-[0-9]{1,2}(?::[0-9]{1,2}){0,2}|UNLIMITED|INFINITE)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeFormat();

    [GeneratedRegex(@"^[0-9]+[KMGT]?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MemoryFormat();
}
