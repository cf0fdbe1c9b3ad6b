namespace TomoSaxs.Formats.Xlsx;

/// <summary>All sample rows of one <c>vox_padding.xlsx</c>, in sheet order, with the lookup by scan name.</summary>
public sealed class VoxelPaddingTable
{
    internal VoxelPaddingTable(string filePath, string sheetName, IReadOnlyList<VoxelPadding> rows)
    {
        FilePath = filePath;
        SheetName = sheetName;
        Rows = rows;
    }

    /// <summary>The workbook the rows came from (absolute path).</summary>
    public string FilePath { get; }

    /// <summary>The name of the sheet read (always the first sheet).</summary>
    public string SheetName { get; }

    /// <summary>One entry per sample, in sheet order; sample names are unique (ignoring case).</summary>
    public IReadOnlyList<VoxelPadding> Rows { get; }

    /// <summary>
    /// The row for <paramref name="scanName"/>: the sample with exactly that name (ignoring case and surrounding
    /// space), otherwise the only sample whose name contains it. The reference took the first substring match;
    /// here several substring matches are an error, because "FIVD1" would silently pick "FIVD10" in sheet order.
    /// </summary>
    /// <exception cref="DataFileException">No sample matches, or several do and none exactly.</exception>
    public VoxelPadding Find(string scanName)
    {
        var wanted = scanName.Trim();
        var exact = Rows.FirstOrDefault(row => string.Equals(row.Sample, wanted, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var containing = Rows.Where(row => row.Sample.Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return containing.Count switch
        {
            1 => containing[0],
            0 => throw new DataFileException(FilePath, SheetItem,
                $"no sample matches the scan name '{wanted}'; samples are: {SampleList(Rows)}."),
            _ => throw new DataFileException(FilePath, SheetItem,
                $"the scan name '{wanted}' matches several samples ({SampleList(containing)}) and none exactly; " +
                "rename the sample or the scan so one matches exactly."),
        };
    }

    private string SheetItem => $"sheet '{SheetName}'";

    private static string SampleList(IEnumerable<VoxelPadding> rows) =>
        string.Join(", ", rows.Select(row => $"'{row.Sample}'"));
}
