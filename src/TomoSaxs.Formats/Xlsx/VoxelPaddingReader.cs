using System.Globalization;
using ClosedXML.Excel;

namespace TomoSaxs.Formats.Xlsx;

/// <summary>
/// Reads <c>vox_padding.xlsx</c> (registration note §2.2): the first sheet, the first non-empty row as headers,
/// columns found by header text in any order, one row per sample. Values are kept as written in the sheet; see
/// <see cref="VoxelPadding"/> for the "−1" convention applied to them.
/// </summary>
public static class VoxelPaddingReader
{
    // Formula results such as =ROUNDUP(a/b) can come back as 12.000000000000002; closer than this counts as whole.
    private const double WholeNumberTolerance = 1e-9;

    /// <summary>Reads every sample row.</summary>
    /// <exception cref="DataFileException">
    /// The file is missing or not a workbook; the sheet is empty; a column is missing or appears twice; a pad
    /// value is blank, not a whole number or below 1; a row has pads but no sample; a sample appears twice.
    /// Messages name the file, the sheet, the column (header and letter) and the row number as Excel shows it.
    /// </exception>
    public static VoxelPaddingTable Read(string path)
    {
        var full = Path.GetFullPath(path);
        using var workbook = Open(full);
        var sheet = workbook.Worksheets.FirstOrDefault()
            ?? throw new DataFileException(full, null, "the workbook has no sheets.");
        var sheetItem = $"sheet '{sheet.Name}'";
        var headerRow = sheet.FirstRowUsed()
            ?? throw new DataFileException(full, sheetItem, "the sheet is empty; expected a header row with " +
                string.Join(", ", VoxelPaddingColumns.All.Select(c => $"'{c}'")) + ".");
        var columns = FindColumns(full, sheet, headerRow);

        var rows = new List<VoxelPadding>();
        var firstRowOfSample = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lastRow = sheet.LastRowUsed()!.RowNumber();
        for (var rowNumber = headerRow.RowNumber() + 1; rowNumber <= lastRow; rowNumber++)
        {
            var row = sheet.Row(rowNumber);
            if (VoxelPaddingColumns.All.All(name => row.Cell(columns[name]).IsEmpty()))
            {
                continue;
            }

            var sampleCell = row.Cell(columns[VoxelPaddingColumns.Sample]);
            var sample = CellText(sampleCell).Trim();
            if (sample.Length == 0)
            {
                throw new DataFileException(full, CellItem(sheet, VoxelPaddingColumns.Sample, sampleCell),
                    "the row has pad values but no sample name.");
            }

            if (firstRowOfSample.TryGetValue(sample, out var earlierRow))
            {
                throw new DataFileException(full, CellItem(sheet, VoxelPaddingColumns.Sample, sampleCell),
                    $"sample '{sample}' already appears in row {earlierRow}; each sample needs exactly one row.");
            }

            firstRowOfSample[sample] = rowNumber;
            int Pad(string name) => ReadPad(full, sheet, name, row.Cell(columns[name]));
            rows.Add(new VoxelPadding(
                sample,
                new VoxelPads(Pad(VoxelPaddingColumns.StartX), Pad(VoxelPaddingColumns.StartY), Pad(VoxelPaddingColumns.StartZ)),
                new VoxelPads(Pad(VoxelPaddingColumns.EndX), Pad(VoxelPaddingColumns.EndY), Pad(VoxelPaddingColumns.EndZ))));
        }

        if (rows.Count == 0)
        {
            throw new DataFileException(full, sheetItem, $"the sheet has headers (row {headerRow.RowNumber()}) but no sample rows.");
        }

        return new VoxelPaddingTable(full, sheet.Name, rows);
    }

    private static XLWorkbook Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException(path, null, "the file does not exist.");
        }

        try
        {
            // FileShare.ReadWrite: the sheet may be open in a spreadsheet program while the pipeline reads it.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new XLWorkbook(stream);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new DataFileException(path, null, $"the file is not a readable .xlsx workbook: {error.Message}", error);
        }
    }

    private static Dictionary<string, int> FindColumns(string file, IXLWorksheet sheet, IXLRow headerRow)
    {
        var byHeader = new Dictionary<string, int>();
        foreach (var cell in headerRow.CellsUsed())
        {
            var header = VoxelPaddingColumns.Normalise(CellText(cell));
            var wanted = VoxelPaddingColumns.All.FirstOrDefault(name => VoxelPaddingColumns.Normalise(name) == header);
            if (wanted is null)
            {
                continue;
            }

            if (byHeader.TryGetValue(wanted, out var earlier))
            {
                throw new DataFileException(file, $"sheet '{sheet.Name}', row {headerRow.RowNumber()}",
                    $"the column '{wanted}' appears twice (columns {Letter(earlier)} and {cell.Address.ColumnLetter}).");
            }

            byHeader[wanted] = cell.Address.ColumnNumber;
        }

        var missing = VoxelPaddingColumns.All.Where(name => !byHeader.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            var present = headerRow.CellsUsed().Select(c => $"'{CellText(c)}'");
            throw new DataFileException(file, $"sheet '{sheet.Name}', row {headerRow.RowNumber()}",
                $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}; " +
                $"the header row has {string.Join(", ", present)}.");
        }

        return byHeader;
    }

    private static int ReadPad(string file, IXLWorksheet sheet, string column, IXLCell cell)
    {
        var item = CellItem(sheet, column, cell);
        var value = CellValue(file, item, cell);
        double number;
        switch (value)
        {
            case double d:
                number = d;
                break;
            case string s when s.Trim().Length == 0:
                throw new DataFileException(file, item, "the pad value is blank; expected a whole number of voxels.");
            case string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                number = parsed;
                break;
            default:
                throw new DataFileException(file, item, $"'{value}' is not a whole number of voxels.");
        }

        var rounded = Math.Round(number);
        if (!double.IsFinite(number) || Math.Abs(number - rounded) > WholeNumberTolerance * Math.Max(1, Math.Abs(number))
            || rounded is < int.MinValue or > int.MaxValue)
        {
            throw new DataFileException(file, item,
                $"{number.ToString(CultureInfo.InvariantCulture)} is not a whole number of voxels.");
        }

        return rounded >= 1
            ? (int)rounded
            : throw new DataFileException(file, item,
                $"{rounded.ToString(CultureInfo.InvariantCulture)} is below 1; the sheet convention pads by value − 1, " +
                "so 1 means no padding.");
    }

    private static object? CellValue(string file, string item, IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return "";
        }

        try
        {
            // A saved workbook keeps each formula's last result; use it rather than re-evaluating with ClosedXML's
            // formula engine, which lacks some Excel functions.
            if (cell.HasFormula && cell.CachedValue is { } cached && !(cached is string s && s.Length == 0))
            {
                return cached;
            }

            return cell.Value;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new DataFileException(file, item, $"the formula '{cell.FormulaA1}' could not be evaluated: {error.Message}", error);
        }
    }

    private static string CellText(IXLCell cell) => cell.IsEmpty()
        ? ""
        : Convert.ToString(cell.HasFormula && cell.CachedValue is { } cached ? cached : cell.Value, CultureInfo.InvariantCulture) ?? "";

    private static string CellItem(IXLWorksheet sheet, string column, IXLCell cell) =>
        $"sheet '{sheet.Name}', column '{column}' ({cell.Address.ColumnLetter}), row {cell.Address.RowNumber}";

    private static string Letter(int columnNumber) => XLHelper.GetColumnLetterFromNumber(columnNumber);
}
