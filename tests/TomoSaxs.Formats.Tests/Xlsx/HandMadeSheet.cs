using ClosedXML.Excel;

namespace TomoSaxs.Formats.Tests.Xlsx;

/// <summary>Builds workbooks cell by cell, the way a person fills in vox_padding.xlsx in Excel.</summary>
internal static class HandMadeSheet
{
    public static readonly string[] ReferenceHeaders =
    [
        "sample", "x padding (new voxels)", "y padding (new voxels)", "z padding (new voxels)",
        "X bottom pad (new voxels)", "Y bottom pad (new voxels)", "Z bottom pad (new voxels)",
    ];

    /// <summary>Writes a first sheet whose rows are given as cell values (null = empty cell).</summary>
    public static void Write(string path, string sheetName, params object?[][] rows) =>
        Write(path, sheetName, firstRow: 1, rows);

    public static void Write(string path, string sheetName, int firstRow, params object?[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(sheetName);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(firstRow + r, c + 1);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case Formula formula:
                        cell.FormulaA1 = formula.Text;
                        break;
                    case string text:
                        cell.SetValue(text);
                        break;
                    case var number:
                        cell.SetValue(Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }
        }

        workbook.AddWorksheet("Notes").Cell(1, 1).SetValue("the reader must ignore this second sheet");
        workbook.SaveAs(path);
    }

    /// <summary>A cell formula such as "=B2+1".</summary>
    public sealed record Formula(string Text);
}
