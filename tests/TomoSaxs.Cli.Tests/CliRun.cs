using System.Globalization;
using TomoSaxs.Cli;

namespace TomoSaxs.Cli.Tests;

/// <summary>Runs the `tomosaxs` command tree in-process with captured output.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = TomoSaxsCommandLine.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Parses CSV printed on standard output into named numeric columns.</summary>
    public Dictionary<string, double[]> Csv()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}: {Error}");
        var lines = Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var headers = lines[0].Split(',');
        var columns = headers.Select(_ => new double[lines.Length - 1]).ToArray();
        for (var r = 1; r < lines.Length; r++)
        {
            var fields = lines[r].Split(',');
            for (var c = 0; c < headers.Length; c++)
            {
                columns[c][r - 1] = double.Parse(fields[c], CultureInfo.InvariantCulture);
            }
        }

        return headers.Zip(columns).ToDictionary(p => p.First, p => p.Second);
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
