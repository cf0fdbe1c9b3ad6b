using ClosedXML.Excel;

namespace TomoSaxs.Formats.Xlsx;

/// <summary>
/// Writes <c>vox_padding.xlsx</c> in the reference layout (one sheet, the reference headers in the reference
/// order, one row per sample, values as the sheet stores them, i.e. applied pad + 1). Used by the phantom.
/// </summary>
public static class VoxelPaddingWriter
{
    /// <summary>The name of the single sheet written.</summary>
    public const string SheetName = "Sheet1";

    /// <summary>Writes the rows atomically (temporary name, then rename), replacing an existing file.</summary>
    /// <exception cref="ArgumentException">No rows, or two rows for the same sample (ignoring case).</exception>
    public static void Write(string path, IEnumerable<VoxelPadding> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("vox_padding.xlsx needs at least one sample row.", nameof(rows));
        }

        var duplicate = list.GroupBy(row => row.Sample, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Sample '{duplicate.Key}' has {duplicate.Count()} rows; each sample needs one.", nameof(rows));
        }

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(SheetName);
        for (var c = 0; c < VoxelPaddingColumns.All.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(VoxelPaddingColumns.All[c]);
        }

        for (var r = 0; r < list.Count; r++)
        {
            var row = list[r];
            var excelRow = r + 2;
            // SetValue(string) keeps a sample such as "007" as text; assigning Value would turn it into the number 7.
            sheet.Cell(excelRow, 1).SetValue(row.Sample);
            int[] values = [row.SheetStart.X, row.SheetStart.Y, row.SheetStart.Z, row.SheetEnd.X, row.SheetEnd.Y, row.SheetEnd.Z];
            for (var v = 0; v < values.Length; v++)
            {
                sheet.Cell(excelRow, v + 2).SetValue(values[v]);
            }
        }

        var full = Path.GetFullPath(path);
        var temporary = AtomicFile.TemporaryPathFor(full, "tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                workbook.SaveAs(stream);
            }

            AtomicFile.CommitFile(temporary, full);
        }
        catch
        {
            AtomicFile.Discard(temporary);
            throw;
        }
    }
}
