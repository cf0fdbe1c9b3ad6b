using System.Globalization;
using System.Text;

namespace TomoSaxs.Formats.Csv;

/// <summary>
/// Writes numeric tables as CSV (comma separated, invariant culture, round-trippable doubles, one header row,
/// '\n' line ends). Human-facing outputs such as I(q), I(χ) and per-fibre tables use it.
/// </summary>
public static class CsvTableWriter
{
    /// <summary>Writes columns of equal length under the given headers to a file, atomically.</summary>
    /// <exception cref="ArgumentException">The header and column counts differ, or columns differ in length.</exception>
    public static void Write(string path, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<double>> columns)
    {
        var rows = Validate(headers, columns);
        AtomicFile.Write(path, temporary =>
        {
            using var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            WriteRows(writer, headers, columns, rows);
        });
    }

    /// <summary>Writes the table to an open writer (for example standard output).</summary>
    /// <exception cref="ArgumentException">The header and column counts differ, or columns differ in length.</exception>
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<double>> columns)
    {
        var rows = Validate(headers, columns);
        WriteRows(writer, headers, columns, rows);
        writer.Flush();
    }

    private static int Validate(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<double>> columns)
    {
        if (headers.Count != columns.Count)
        {
            throw new ArgumentException($"{headers.Count} headers for {columns.Count} columns.", nameof(headers));
        }

        var rows = columns.Count == 0 ? 0 : columns[0].Count;
        for (var c = 1; c < columns.Count; c++)
        {
            if (columns[c].Count != rows)
            {
                throw new ArgumentException(
                    $"Column '{headers[c]}' has {columns[c].Count} values but '{headers[0]}' has {rows}.", nameof(columns));
            }
        }

        return rows;
    }

    private static void WriteRows(TextWriter writer, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<double>> columns, int rows)
    {
        writer.Write(string.Join(',', headers.Select(Quote)));
        writer.Write('\n');
        var line = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            line.Clear();
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    line.Append(',');
                }

                line.Append(columns[c][r].ToString("R", CultureInfo.InvariantCulture));
            }

            line.Append('\n');
            writer.Write(line);
        }
    }

    private static string Quote(string header) =>
        header.IndexOfAny([',', '"', '\n']) < 0 ? header : "\"" + header.Replace("\"", "\"\"") + "\"";
}
