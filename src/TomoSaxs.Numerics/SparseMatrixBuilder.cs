namespace TomoSaxs.Numerics;

/// <summary>
/// Collects (row, column, value) entries in any order and builds a <see cref="SparseMatrixCsc"/>. Entries at the
/// same position are summed in the order they were added, so the result does not depend on anything but the
/// sequence of <see cref="Add"/> calls (the amplitude stage relies on duplicates adding).
/// </summary>
public sealed class SparseMatrixBuilder
{
    private readonly List<(long Key, double Value)> entries = [];

    /// <summary>Starts a builder for a matrix of the given shape.</summary>
    public SparseMatrixBuilder(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of columns.</summary>
    public int Columns { get; }

    /// <summary>Adds <paramref name="value"/> to entry (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public void Add(int row, int column, double value)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"Entry ({row}, {column}) lies outside a {Rows} × {Columns} matrix.");
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Entry ({row}, {column}) is not finite ({value}).", nameof(value));
        }

        entries.Add(((long)column * Rows + row, value));
    }

    /// <summary>Builds the CSC matrix; the builder can keep collecting afterwards.</summary>
    public SparseMatrixCsc Build()
    {
        // A stable sort keeps equal positions in insertion order, which fixes the summation order.
        var order = entries.Select((e, i) => (e.Key, Index: i)).OrderBy(e => e.Key).ThenBy(e => e.Index).ToArray();
        var starts = new int[Columns + 1];
        var rows = new List<int>(order.Length);
        var values = new List<double>(order.Length);
        var lastKey = -1L;
        foreach (var (key, index) in order)
        {
            if (key == lastKey)
            {
                values[^1] += entries[index].Value;
                continue;
            }

            lastKey = key;
            var column = (int)(key / Math.Max(Rows, 1));
            rows.Add((int)(key - (long)column * Rows));
            values.Add(entries[index].Value);
            starts[column + 1]++;
        }

        for (var j = 0; j < Columns; j++)
        {
            starts[j + 1] += starts[j];
        }

        return new SparseMatrixCsc(Rows, Columns, starts, rows.ToArray(), values.ToArray());
    }
}
