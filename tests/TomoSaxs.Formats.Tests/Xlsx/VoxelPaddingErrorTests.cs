using TomoSaxs.Formats.Xlsx;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Xlsx;

public sealed class VoxelPaddingErrorTests
{
    [Fact]
    public void A_missing_column_is_named_with_file_sheet_and_the_headers_found()
    {
        using var temp = new TemporaryDirectory();
        var headers = HandMadeSheet.ReferenceHeaders.Where(h => !h.StartsWith("Y bottom", StringComparison.Ordinal)).ToArray();
        HandMadeSheet.Write(temp.File("p.xlsx"), "pads", headers, ["IVD_01", 1, 2, 3, 4, 5]);

        var error = Assert.Throws<DataFileException>(() => VoxelPaddingReader.Read(temp.File("p.xlsx")));

        Assert.Equal(temp.File("p.xlsx"), error.FilePath);
        Assert.Equal("sheet 'pads', row 1", error.Item);
        Assert.Contains("missing column 'Y bottom pad (new voxels)'", error.Cause);
        Assert.Contains("'X bottom pad (new voxels)'", error.Cause);
    }

    [Fact]
    public void A_fractional_value_is_named_with_column_letter_and_row()
    {
        using var temp = new TemporaryDirectory();
        HandMadeSheet.Write(temp.File("p.xlsx"), "Sheet1",
            HandMadeSheet.ReferenceHeaders,
            ["IVD_01", 1, 2, 3, 4, 5, 6],
            ["IVD_02", 1, 2.5, 3, 4, 5, 6]);

        var error = Assert.Throws<DataFileException>(() => VoxelPaddingReader.Read(temp.File("p.xlsx")));

        Assert.Equal("sheet 'Sheet1', column 'y padding (new voxels)' (C), row 3", error.Item);
        Assert.Contains("2.5 is not a whole number", error.Cause);
    }

    [Fact]
    public void Text_in_a_pad_column_is_reported()
    {
        using var temp = new TemporaryDirectory();
        HandMadeSheet.Write(temp.File("p.xlsx"), "Sheet1",
            HandMadeSheet.ReferenceHeaders,
            ["IVD_01", 1, 2, 3, "n/a", 5, 6]);

        var error = Assert.Throws<DataFileException>(() => VoxelPaddingReader.Read(temp.File("p.xlsx")));

        Assert.Equal("sheet 'Sheet1', column 'X bottom pad (new voxels)' (E), row 2", error.Item);
        Assert.Contains("'n/a' is not a whole number", error.Cause);
    }

    [Fact]
    public void A_blank_pad_is_reported()
    {
        using var temp = new TemporaryDirectory();
        HandMadeSheet.Write(temp.File("p.xlsx"), "Sheet1",
            HandMadeSheet.ReferenceHeaders,
            ["IVD_01", 1, 2, 3, 4, null, 6]);

        var error = Assert.Throws<DataFileException>(() => VoxelPaddingReader.Read(temp.File("p.xlsx")));

        Assert.Contains("column 'Y bottom pad (new voxels)' (F), row 2", error.Item);
        Assert.Contains("blank", error.Cause);
    }

    [Fact]
    public void A_pad_of_zero_is_reported_as_below_the_sheet_convention()
    {
        using var temp = new TemporaryDirectory();
        HandMadeSheet.Write(temp.File("p.xlsx"), "Sheet1", HandMadeSheet.ReferenceHeaders, ["IVD_01", 0, 2, 3, 4, 5, 6]);

        var error = Assert.Throws<DataFileException>(() => VoxelPaddingReader.Read(temp.File("p.xlsx")));

        Assert.Contains("column 'x padding (new voxels)' (B), row 2", error.Item);
        Assert.Contains("below 1", error.Cause);
    }

    [Fact]
    public void A_sample_listed_twice_is_reported_with_both_rows()
    {
        using var temp = new TemporaryDirectory();
        HandMadeSheet.Write(temp.File("p.xlsx"), "Sheet1",
            HandMadeSheet.ReferenceHeaders,
            ["IVD_01", 1, 2, 3, 4, 5, 6],
            ["ivd_01 ", 1, 2, 3, 4, 5, 6]);

        var error = Assert.Throws<DataFileException>(() => VoxelPaddingReader.Read(temp.File("p.xlsx")));

        Assert.Contains("row 3", error.Item);
        Assert.Contains("already appears in row 2", error.Cause);
    }

    [Fact]
    public void Pads_without_a_sample_name_are_reported()
    {
        using var temp = new TemporaryDirectory();
        HandMadeSheet.Write(temp.File("p.xlsx"), "Sheet1", HandMadeSheet.ReferenceHeaders, [null, 1, 2, 3, 4, 5, 6]);

        var error = Assert.Throws<DataFileException>(() => VoxelPaddingReader.Read(temp.File("p.xlsx")));

        Assert.Contains("column 'sample' (A), row 2", error.Item);
        Assert.Contains("no sample name", error.Cause);
    }

    [Fact]
    public void A_header_row_without_samples_is_reported()
    {
        using var temp = new TemporaryDirectory();
        HandMadeSheet.Write(temp.File("p.xlsx"), "Sheet1", HandMadeSheet.ReferenceHeaders);

        var error = Assert.Throws<DataFileException>(() => VoxelPaddingReader.Read(temp.File("p.xlsx")));

        Assert.Contains("no sample rows", error.Cause);
    }

    [Fact]
    public void A_missing_file_and_a_file_that_is_not_a_workbook_are_reported()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.File("text.xlsx"), "sample,x padding\n");

        var missing = Assert.Throws<DataFileException>(() => VoxelPaddingReader.Read(temp.File("absent.xlsx")));
        var notWorkbook = Assert.Throws<DataFileException>(() => VoxelPaddingReader.Read(temp.File("text.xlsx")));

        Assert.Contains("does not exist", missing.Cause);
        Assert.Equal(temp.File("text.xlsx"), notWorkbook.FilePath);
        Assert.Contains("not a readable .xlsx workbook", notWorkbook.Cause);
    }
}
