using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TomoSaxs.Phantom.Tests;

/// <summary>
/// Runs the HDF5 C library's h5dump (Debian package hdf5-tools), optionally with a filter-plugin folder, to check
/// that libhdf5 itself opens the phantom's files and decodes its bitshuffle chunks. A missing h5dump fails.
/// </summary>
internal static partial class H5Dump
{
    /// <summary>The structure of a file (h5dump -H -A -p), which libhdf5 must parse without error.</summary>
    public static string Header(string file) => Run(["-H", "-A", "-p", file], null);

    /// <summary>The values of a hyperslab of a dataset, decoded by libhdf5 with the plugins in <paramref name="pluginFolder"/>.</summary>
    public static double[] Values(string file, string dataset, long[] start, long[] count, string pluginFolder)
    {
        var text = Run(["-y", "-w", "0", "-d", dataset, "-s", string.Join(",", start), "-c", string.Join(",", count), file], pluginFolder);
        var data = text.IndexOf("DATA {", StringComparison.Ordinal);
        Assert.True(data >= 0, $"h5dump printed no DATA block:\n{text}");
        var block = text[(data + 6)..text.IndexOf('}', data)];
        return [.. Number().Matches(block).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))];
    }

    private static string Run(string[] arguments, string? pluginFolder)
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "h5dump")).FirstOrDefault(File.Exists)
            ?? throw new Xunit.Sdk.XunitException("h5dump was not found on PATH. These tests check the phantom's files with the HDF5 C library: install it with `apt-get install hdf5-tools`.");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (pluginFolder is not null)
        {
            start.Environment["HDF5_PLUGIN_PATH"] = pluginFolder;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new Xunit.Sdk.XunitException($"h5dump {string.Join(' ', arguments)} did not finish within 60 s.");
        }

        if (process.ExitCode != 0 || output.Result.Contains("h5dump error", StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException($"h5dump {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{errors}\n{output.Result}");
        }

        return output.Result;
    }

    [GeneratedRegex(@"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")]
    private static partial Regex Number();
}
