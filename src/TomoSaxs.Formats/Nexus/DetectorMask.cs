namespace TomoSaxs.Formats.Nexus;

/// <summary>A detector mask [row, column]: true marks an excluded pixel (pyFAI's and numpy's convention).</summary>
public sealed class DetectorMask
{
    private readonly bool[] excluded;

    /// <summary>Wraps a row-major mask of rows × columns flags.</summary>
    public DetectorMask(int rows, int columns, bool[] excluded)
    {
        if (excluded.Length != rows * columns)
        {
            throw new ArgumentException($"{excluded.Length} flags do not fill a {rows} × {columns} mask.", nameof(excluded));
        }

        Rows = rows;
        Columns = columns;
        this.excluded = excluded;
        ExcludedCount = excluded.Count(flag => flag);
    }

    /// <summary>Detector rows (slow axis).</summary>
    public int Rows { get; }

    /// <summary>Detector columns (fast axis).</summary>
    public int Columns { get; }

    /// <summary>How many pixels are excluded.</summary>
    public int ExcludedCount { get; }

    /// <summary>The flags, row-major; true = excluded.</summary>
    public IReadOnlyList<bool> Excluded => excluded;

    /// <summary>Whether pixel (row, column) is excluded.</summary>
    public bool IsExcluded(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        return excluded[row * Columns + column];
    }
}
