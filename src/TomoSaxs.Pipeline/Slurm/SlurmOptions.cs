using System.Globalization;
using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline;

/// <summary>
/// The sbatch options of a build: the scan.yaml <c>slurm:</c> block, overridden field by field by the command line
/// (<c>--partition</c>, <c>--time</c>, <c>--mem</c>, <c>--cpus-per-task</c>, <c>--account</c>); extra sbatch
/// arguments from both are kept, the command line's last so that they win where sbatch takes the last value.
/// </summary>
public static class SlurmOptions
{
    /// <summary>The character that separates the <c>--sbatch-arg</c> values in the <c>SlurmArgs</c> property.</summary>
    public const char ArgumentSeparator = '|';

    /// <summary>
    /// The command-line options as build.sh passes them to MSBuild (empty = not given), checked as scan.yaml's are.
    /// </summary>
    /// <param name="partition"><c>--partition</c>.</param>
    /// <param name="time"><c>--time</c>.</param>
    /// <param name="mem"><c>--mem</c>.</param>
    /// <param name="cpusPerTask"><c>--cpus-per-task</c>.</param>
    /// <param name="account"><c>--account</c>.</param>
    /// <param name="joinedArguments">The <c>--sbatch-arg</c> values joined with <see cref="ArgumentSeparator"/>.</param>
    /// <param name="problems">One message per malformed option, naming it and what was expected.</param>
    public static SlurmSettings FromCommandLine(
        string? partition, string? time, string? mem, string? cpusPerTask, string? account, string? joinedArguments,
        out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        if (Given(time) is { } t && !SlurmFormats.IsTime(t))
        {
            found.Add($"--time '{t}': expected {SlurmFormats.ExpectedTime}.");
        }

        if (Given(mem) is { } m && !SlurmFormats.IsMemory(m))
        {
            found.Add($"--mem '{m}': expected {SlurmFormats.ExpectedMemory}.");
        }

        int? cpus = null;
        if (Given(cpusPerTask) is { } c)
        {
            if (int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                cpus = n;
            }
            else
            {
                found.Add($"--cpus-per-task '{c}': expected a whole number ≥ 1.");
            }
        }

        problems = found;
        var arguments = string.IsNullOrWhiteSpace(joinedArguments)
            ? []
            : joinedArguments.Split(ArgumentSeparator).Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        return new SlurmSettings(Given(partition), Given(time), Given(mem), cpus, Given(account), arguments);
    }

    /// <summary><paramref name="scan"/> with every field that <paramref name="commandLine"/> gives replaced by it.</summary>
    public static SlurmSettings Combine(SlurmSettings scan, SlurmSettings commandLine) =>
        new(commandLine.Partition ?? scan.Partition,
            commandLine.Time ?? scan.Time,
            commandLine.Mem ?? scan.Mem,
            commandLine.CpusPerTask ?? scan.CpusPerTask,
            commandLine.Account ?? scan.Account,
            [.. scan.ExtraArgs, .. commandLine.ExtraArgs]);

    /// <summary>The settings as sbatch options, in a fixed order (extra arguments last, as given).</summary>
    public static IReadOnlyList<string> SbatchArguments(SlurmSettings settings)
    {
        var arguments = new List<string>();
        void Add(string option, string? value)
        {
            if (value is not null)
            {
                arguments.Add($"--{option}={value}");
            }
        }

        Add("partition", settings.Partition);
        Add("time", settings.Time);
        Add("mem", settings.Mem);
        Add("cpus-per-task", settings.CpusPerTask?.ToString(CultureInfo.InvariantCulture));
        Add("account", settings.Account);
        arguments.AddRange(settings.ExtraArgs);
        return arguments;
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
