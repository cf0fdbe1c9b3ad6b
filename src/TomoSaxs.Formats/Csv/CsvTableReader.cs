using System.Globalization;

namespace TomoSaxs.Formats.Csv;

/// <summary>Reads numeric CSV tables written by <see cref="CsvTableWriter"/> (one header row, invariant numbers).</summary>
public static class CsvTableReader
{
    /// <summary>Reads the headers and the columns of a numeric CSV file.</summary>
    /// <exception cref="DataFileException">The file is empty, a row has the wrong number of fields, or a field is not a number.</exception>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<double[]> Columns) Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0)
        {
            throw new DataFileException(path, null, "the file is empty; expected a header row.");
        }

        var headers = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var columns = headers.Select(_ => new double[lines.Length - 1]).ToArray();
        for (var r = 1; r < lines.Length; r++)
        {
            var fields = lines[r].Split(',');
            if (fields.Length != headers.Length)
            {
                throw new DataFileException(path, $"line {r + 1}", $"{fields.Length} fields, expected {headers.Length}.");
            }

            for (var c = 0; c < fields.Length; c++)
            {
                if (!double.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out columns[c][r - 1]))
                {
                    throw new DataFileException(path, $"line {r + 1}, column '{headers[c]}'", $"'{fields[c]}' is not a number.");
                }
            }
        }

        return (headers, columns);
    }
}
