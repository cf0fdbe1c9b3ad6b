namespace TomoSaxs.Numerics;

/// <summary>
/// An immutable sparse matrix in compressed sparse column (CSC) form: column j holds the entries
/// <c>RowIndices[ColumnStarts[j] … ColumnStarts[j+1])</c> with strictly increasing row indices. This is the
/// natural layout of a design matrix whose columns are fibres and whose rows are (beam path, χ bin) samples,
/// with a few hundred non-zeros per column.
/// </summary>
public sealed class SparseMatrixCsc
{
    private readonly int[] columnStarts;
    private readonly int[] rowIndices;
    private readonly double[] values;

    /// <summary>
    /// Wraps CSC arrays (not copied; the caller must not change them afterwards). Throws
    /// <see cref="ArgumentException"/> unless the structure is consistent: <paramref name="columnStarts"/> has
    /// columns + 1 non-decreasing entries from 0 to the number of non-zeros, and row indices lie in range and
    /// increase strictly within each column.
    /// </summary>
    public SparseMatrixCsc(int rows, int columns, int[] columnStarts, int[] rowIndices, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(columnStarts);
        ArgumentNullException.ThrowIfNull(rowIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (columnStarts.Length != columns + 1 || columnStarts[0] != 0 || columnStarts[columns] != rowIndices.Length)
        {
            throw new ArgumentException("columnStarts must have columns + 1 entries running from 0 to the number of non-zeros.", nameof(columnStarts));
        }

        if (values.Length != rowIndices.Length)
        {
            throw new ArgumentException($"There are {rowIndices.Length} row indices but {values.Length} values.", nameof(values));
        }

        for (var j = 0; j < columns; j++)
        {
            if (columnStarts[j + 1] < columnStarts[j])
            {
                throw new ArgumentException($"columnStarts decreases at column {j}.", nameof(columnStarts));
            }

            for (var p = columnStarts[j]; p < columnStarts[j + 1]; p++)
            {
                var row = rowIndices[p];
                if (row < 0 || row >= rows)
                {
                    throw new ArgumentException($"Column {j} has row index {row} outside 0…{rows - 1}.", nameof(rowIndices));
                }

                if (p > columnStarts[j] && row <= rowIndices[p - 1])
                {
                    throw new ArgumentException($"Row indices of column {j} are not strictly increasing.", nameof(rowIndices));
                }

                if (!double.IsFinite(values[p]))
                {
                    throw new ArgumentException($"Entry ({row}, {j}) is not finite.", nameof(values));
                }
            }
        }

        Rows = rows;
        Columns = columns;
        this.columnStarts = columnStarts;
        this.rowIndices = rowIndices;
        this.values = values;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of columns.</summary>
    public int Columns { get; }

    /// <summary>The number of stored entries.</summary>
    public int NonZeroCount => values.Length;

    /// <summary>The row indices of column <paramref name="column"/>'s stored entries, increasing.</summary>
    public ReadOnlySpan<int> ColumnRows(int column) => rowIndices.AsSpan(columnStarts[column], columnStarts[column + 1] - columnStarts[column]);

    /// <summary>The values of column <paramref name="column"/>'s stored entries, aligned with <see cref="ColumnRows"/>.</summary>
    public ReadOnlySpan<double> ColumnValues(int column) => values.AsSpan(columnStarts[column], columnStarts[column + 1] - columnStarts[column]);

    /// <summary>Copies a dense [row, column] matrix, storing every entry whose magnitude exceeds
    /// <paramref name="dropTolerance"/> (default: every non-zero).</summary>
    public static SparseMatrixCsc FromDense(double[,] dense, double dropTolerance = 0.0)
    {
        ArgumentNullException.ThrowIfNull(dense);
        var rows = dense.GetLength(0);
        var columns = dense.GetLength(1);
        var starts = new int[columns + 1];
        var rowList = new List<int>();
        var valueList = new List<double>();
        for (var j = 0; j < columns; j++)
        {
            for (var i = 0; i < rows; i++)
            {
                if (Math.Abs(dense[i, j]) > dropTolerance)
                {
                    rowList.Add(i);
                    valueList.Add(dense[i, j]);
                }
            }

            starts[j + 1] = rowList.Count;
        }

        return new SparseMatrixCsc(rows, columns, starts, rowList.ToArray(), valueList.ToArray());
    }

    /// <summary>A dense [row, column] copy.</summary>
    public double[,] ToDense()
    {
        var dense = new double[Rows, Columns];
        for (var j = 0; j < Columns; j++)
        {
            for (var p = columnStarts[j]; p < columnStarts[j + 1]; p++)
            {
                dense[rowIndices[p], j] = values[p];
            }
        }

        return dense;
    }

    /// <summary>y = A·x, with x of length <see cref="Columns"/> and y of length <see cref="Rows"/>.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckLength(x.Length, Columns, nameof(x));
        CheckLength(y.Length, Rows, nameof(y));
        y.Clear();
        for (var j = 0; j < Columns; j++)
        {
            var xj = x[j];
            if (xj == 0.0)
            {
                continue;
            }

            for (var p = columnStarts[j]; p < columnStarts[j + 1]; p++)
            {
                y[rowIndices[p]] += values[p] * xj;
            }
        }
    }

    /// <summary>w = Aᵀ·r, with r of length <see cref="Rows"/> and w of length <see cref="Columns"/>.</summary>
    public void TransposeMultiply(ReadOnlySpan<double> r, Span<double> w)
    {
        CheckLength(r.Length, Rows, nameof(r));
        CheckLength(w.Length, Columns, nameof(w));
        for (var j = 0; j < Columns; j++)
        {
            var sum = 0.0;
            for (var p = columnStarts[j]; p < columnStarts[j + 1]; p++)
            {
                sum += values[p] * r[rowIndices[p]];
            }

            w[j] = sum;
        }
    }

    /// <summary>The Euclidean norm of every column.</summary>
    public double[] ColumnNorms()
    {
        var norms = new double[Columns];
        for (var j = 0; j < Columns; j++)
        {
            var sum = 0.0;
            for (var p = columnStarts[j]; p < columnStarts[j + 1]; p++)
            {
                sum += values[p] * values[p];
            }

            norms[j] = Math.Sqrt(sum);
        }

        return norms;
    }

    /// <summary>The transpose's structure: for each row, its (column, value) entries in increasing column order.</summary>
    internal (int[] RowStarts, int[] ColumnIndices, double[] Values) ToRowCompressed()
    {
        var rowStarts = new int[Rows + 1];
        foreach (var row in rowIndices)
        {
            rowStarts[row + 1]++;
        }

        for (var i = 0; i < Rows; i++)
        {
            rowStarts[i + 1] += rowStarts[i];
        }

        var next = (int[])rowStarts.Clone();
        var columnIndices = new int[values.Length];
        var rowValues = new double[values.Length];
        for (var j = 0; j < Columns; j++)
        {
            for (var p = columnStarts[j]; p < columnStarts[j + 1]; p++)
            {
                var slot = next[rowIndices[p]]++;
                columnIndices[slot] = j;
                rowValues[slot] = values[p];
            }
        }

        return (rowStarts, columnIndices, rowValues);
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected {expected} values, got {actual}.", name);
        }
    }
}
