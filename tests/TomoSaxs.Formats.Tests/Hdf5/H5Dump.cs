using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TomoSaxs.Formats.Tests.Hdf5;

/// <summary>
/// Runs the HDF5 C library's h5dump (Debian package hdf5-tools) to check that written files are readable by
/// libhdf5, not only by PureHDF. A missing h5dump fails the test: the check is the point of these tests.
/// </summary>
internal static partial class H5Dump
{
    /// <summary>The values of a numeric dataset or attribute, printed with 17 significant digits.</summary>
    /// <param name="file">The HDF5 file.</param>
    /// <param name="path">The dataset or attribute path.</param>
    /// <param name="attribute">Whether <paramref name="path"/> names an attribute.</param>
    /// <param name="pluginFolder">A folder of HDF5 filter plugins for h5dump (HDF5_PLUGIN_PATH), or null.</param>
    public static double[] Numbers(string file, string path, bool attribute = false, string? pluginFolder = null) =>
        [.. NumberPattern().Matches(DataBlock(Run(Arguments(file, path, attribute, "-m", "%.17g"), pluginFolder))).Select(match => ParseNumber(match.Value))];

    /// <summary>The values of a text dataset or attribute.</summary>
    public static string[] Strings(string file, string path, bool attribute = false) =>
        [.. StringPattern().Matches(DataBlock(Run(Arguments(file, path, attribute)))).Select(match => Unescape(match.Groups[1].Value))];

    /// <summary>The header of a dataset with storage properties (type, shape, chunking, filters).</summary>
    public static string Properties(string file, string datasetPath) => Run(["-p", "-H", "-d", datasetPath, file]);

    /// <summary>The whole file's structure.</summary>
    public static string Structure(string file) => Run(["-H", "-A", file]);

    private static string[] Arguments(string file, string path, bool attribute, params string[] extra) =>
        [.. extra, "-y", "-w", "0", attribute ? "-a" : "-d", path, file];

    private static string Run(string[] arguments, string? pluginFolder = null)
    {
        var executable = Locate()
            ?? throw new Xunit.Sdk.XunitException(
                "h5dump was not found on PATH. These tests check written files with the HDF5 C library: install it with `apt-get install hdf5-tools` (Debian/Ubuntu).");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (pluginFolder is not null)
        {
            start.Environment["HDF5_PLUGIN_PATH"] = pluginFolder;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new Xunit.Sdk.XunitException($"h5dump {string.Join(' ', arguments)} did not finish within 60 s.");
        }

        var text = output.Result;
        if (process.ExitCode != 0 || text.Contains("h5dump error", StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException($"h5dump {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{errors}\n{text}");
        }

        return text;
    }

    private static string? Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "h5dump"))
            .FirstOrDefault(File.Exists);
    }

    private static string DataBlock(string output)
    {
        var start = output.IndexOf("DATA {", StringComparison.Ordinal);
        Assert.True(start >= 0, $"h5dump printed no DATA block:\n{output}");
        var end = output.IndexOf('}', start + 6);
        // Index prefixes such as "(0,1):" appear for attributes even with -y.
        return IndexPrefix().Replace(output[(start + 6)..end], " ");
    }

    /// <summary>h5dump 1.10 prints each byte above 127 as a sign-extended octal escape ("\\37777777702").</summary>
    private static string Unescape(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }

            var digits = 0;
            while (i + 1 + digits < text.Length && char.IsAsciiDigit(text[i + 1 + digits]))
            {
                digits++;
            }

            if (digits == 0)
            {
                bytes.Add((byte)text[++i]);
                continue;
            }

            bytes.Add((byte)(Convert.ToUInt64(text.Substring(i + 1, digits), 8) & 0xFF));
            i += digits;
        }

        return System.Text.Encoding.UTF8.GetString([.. bytes]);
    }

    private static double ParseNumber(string text) => text.ToLowerInvariant() switch
    {
        "nan" or "-nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"-?nan|-?inf|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex StringPattern();

    [GeneratedRegex(@"\(\d+(?:,\d+)*\):")]
    private static partial Regex IndexPrefix();
}
