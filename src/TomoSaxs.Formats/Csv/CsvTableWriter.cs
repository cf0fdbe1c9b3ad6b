using System.Globalization;
using System.Text;

namespace TomoSaxs.Formats.Csv;

/// <summary>
/// Writes numeric tables as CSV (comma separated, invariant culture, round-trippable doubles, one header row),
/// atomically. Human-facing outputs such as I(q), I(χ) and per-fibre tables use it.
/// </summary>
public static class CsvTableWriter
{
    /// <summary>Writes columns of equal length under the given headers.</summary>
    /// <exception cref="ArgumentException">The header and column counts differ, or columns differ in length.</exception>
    public static void Write(string path, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<double>> columns)
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

        AtomicFile.Write(path, temporary =>
        {
            using var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.NewLine = "\n";
            writer.WriteLine(string.Join(',', headers.Select(Quote)));
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

                writer.WriteLine(line);
            }
        });
    }

    private static string Quote(string header) =>
        header.IndexOfAny([',', '"', '\n']) < 0 ? header : "\"" + header.Replace("\"", "\"\"") + "\"";
}
