using TomoSaxs.Formats.Csv;

namespace TomoSaxs.Cli.Commands;

/// <summary>Writes a command's table to the file named by --out, or to standard output when there is none.</summary>
internal static class CommandOutput
{
    public static void WriteCsv(string? path, TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<double>> columns)
    {
        if (string.IsNullOrEmpty(path))
        {
            CsvTableWriter.Write(output, headers, columns);
        }
        else
        {
            CsvTableWriter.Write(path, headers, columns);
            output.WriteLine($"wrote {path}");
        }
    }
}
