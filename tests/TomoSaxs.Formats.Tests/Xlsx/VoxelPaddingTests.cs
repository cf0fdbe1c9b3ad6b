using TomoSaxs.Formats.Xlsx;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Xlsx;

public sealed class VoxelPaddingTests
{
    [Fact]
    public void Written_rows_read_back_identically()
    {
        using var temp = new TemporaryDirectory();
        var rows = new[]
        {
            VoxelPadding.FromAppliedPads("FIVD1_unloaded_new", new VoxelPads(101, 95, 0), new VoxelPads(12, 7, 3)),
            VoxelPadding.FromAppliedPads("007", new VoxelPads(0, 0, 0), new VoxelPads(1, 2, 3)),
        };

        VoxelPaddingWriter.Write(temp.File("vox_padding.xlsx"), rows);
        var table = VoxelPaddingReader.Read(temp.File("vox_padding.xlsx"));

        Assert.Equal(rows, table.Rows);
        Assert.Equal(VoxelPaddingWriter.SheetName, table.SheetName);
        Assert.Equal(new VoxelPads(101, 95, 0), table.Rows[0].StartPads);
        Assert.Equal(new VoxelPads(12, 7, 3), table.Rows[0].EndPads);
        Assert.Equal("007", table.Rows[1].Sample);
    }

    [Fact]
    public void The_writer_stores_sheet_values_one_above_the_applied_pads()
    {
        using var temp = new TemporaryDirectory();
        VoxelPaddingWriter.Write(temp.File("p.xlsx"), [VoxelPadding.FromAppliedPads("S", new VoxelPads(4, 5, 6), new VoxelPads(0, 1, 2))]);

        using var workbook = new ClosedXML.Excel.XLWorkbook(temp.File("p.xlsx"));
        var sheet = workbook.Worksheet(1);

        Assert.Equal(HandMadeSheet.ReferenceHeaders, Enumerable.Range(1, 7).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal([5.0, 6, 7, 1, 2, 3], Enumerable.Range(2, 6).Select(c => sheet.Cell(2, c).GetDouble()));
    }

    [Fact]
    public void Applied_pads_are_the_sheet_values_minus_one_as_in_the_reference()
    {
        using var temp = new TemporaryDirectory();
        HandMadeSheet.Write(temp.File("p.xlsx"), "Sheet1",
            HandMadeSheet.ReferenceHeaders,
            ["IVD_01", 103, 97, 1, 13, 8, 2]);

        var row = VoxelPaddingReader.Read(temp.File("p.xlsx")).Rows.Single();

        Assert.Equal(new VoxelPads(103, 97, 1), row.SheetStart);
        Assert.Equal(new VoxelPads(102, 96, 0), row.StartPads);
        Assert.Equal(new VoxelPads(12, 7, 1), row.EndPads);
    }

    [Fact]
    public void Columns_are_found_by_header_text_in_any_order_case_and_spacing()
    {
        using var temp = new TemporaryDirectory();
        // Shuffled, an unrelated column in between, odd case and spacing, headers not on row 1, another sheet name.
        HandMadeSheet.Write(temp.File("p.xlsx"), "padding", firstRow: 3,
            ["Z BOTTOM PAD (new voxels)", "comment", "  y padding  (new voxels) ", "Sample", "x bottom pad (new voxels)",
                "z padding (new voxels)", "X Padding (New Voxels)", "Y bottom pad (new voxels)"],
            [3, "checked", 20, "IVD_01", 11, 30, 10, 12],
            [null, null, null, null, null, null, null, null],
            [6, null, 50, "IVD_02", 41, 60, 40, 42]);

        var table = VoxelPaddingReader.Read(temp.File("p.xlsx"));

        Assert.Equal("padding", table.SheetName);
        Assert.Equal(
            [new VoxelPadding("IVD_01", new VoxelPads(10, 20, 30), new VoxelPads(11, 12, 3)),
                new VoxelPadding("IVD_02", new VoxelPads(40, 50, 60), new VoxelPads(41, 42, 6))],
            table.Rows);
    }

    [Fact]
    public void Formula_cells_and_whole_numbers_written_as_text_are_read()
    {
        using var temp = new TemporaryDirectory();
        HandMadeSheet.Write(temp.File("p.xlsx"), "Sheet1",
            HandMadeSheet.ReferenceHeaders,
            ["IVD_01", new HandMadeSheet.Formula("=ROUNDUP(500/4.98,0)"), " 97 ", 2, 13, 8, new HandMadeSheet.Formula("=D2+1")]);

        var row = VoxelPaddingReader.Read(temp.File("p.xlsx")).Rows.Single();

        Assert.Equal(new VoxelPads(101, 97, 2), row.SheetStart);
        Assert.Equal(new VoxelPads(13, 8, 3), row.SheetEnd);
    }

    [Fact]
    public void Find_prefers_an_exact_name_then_a_unique_substring()
    {
        using var temp = new TemporaryDirectory();
        VoxelPaddingWriter.Write(temp.File("p.xlsx"),
        [
            VoxelPadding.FromAppliedPads("FIVD1_unloaded_new", new VoxelPads(1, 1, 1), new VoxelPads(1, 1, 1)),
            VoxelPadding.FromAppliedPads("FIVD10", new VoxelPads(2, 2, 2), new VoxelPads(2, 2, 2)),
            VoxelPadding.FromAppliedPads("FIVD1", new VoxelPads(3, 3, 3), new VoxelPads(3, 3, 3)),
        ]);
        var table = VoxelPaddingReader.Read(temp.File("p.xlsx"));

        Assert.Equal(new VoxelPads(3, 3, 3), table.Find("fivd1").StartPads);
        Assert.Equal(new VoxelPads(1, 1, 1), table.Find("unloaded").StartPads);
    }

    [Fact]
    public void Find_reports_an_ambiguous_or_unknown_scan_name_with_the_candidates()
    {
        using var temp = new TemporaryDirectory();
        VoxelPaddingWriter.Write(temp.File("p.xlsx"),
        [
            VoxelPadding.FromAppliedPads("IVD_01_loaded", new VoxelPads(1, 1, 1), new VoxelPads(1, 1, 1)),
            VoxelPadding.FromAppliedPads("IVD_01_unloaded", new VoxelPads(2, 2, 2), new VoxelPads(2, 2, 2)),
        ]);
        var table = VoxelPaddingReader.Read(temp.File("p.xlsx"));

        var ambiguous = Assert.Throws<DataFileException>(() => table.Find("IVD_01"));
        var unknown = Assert.Throws<DataFileException>(() => table.Find("IVD_02"));

        Assert.Contains("'IVD_01_loaded', 'IVD_01_unloaded'", ambiguous.Cause);
        Assert.Contains("no sample matches the scan name 'IVD_02'", unknown.Cause);
        Assert.Equal(temp.File("p.xlsx"), unknown.FilePath);
    }

    [Fact]
    public void The_writer_refuses_two_rows_for_one_sample()
    {
        using var temp = new TemporaryDirectory();
        var row = VoxelPadding.FromAppliedPads("S", new VoxelPads(1, 1, 1), new VoxelPads(1, 1, 1));

        Assert.Throws<ArgumentException>(() => VoxelPaddingWriter.Write(temp.File("p.xlsx"), [row, row with { }]));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Negative_applied_pads_are_refused()
    {
        Assert.Throws<ArgumentException>(() => VoxelPadding.FromAppliedPads("S", new VoxelPads(-1, 0, 0), new VoxelPads(0, 0, 0)));
    }
}
