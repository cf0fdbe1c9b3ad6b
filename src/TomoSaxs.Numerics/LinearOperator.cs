namespace TomoSaxs.Numerics;

/// <summary>The products with the caller's original A that the solver needs after the reduction.</summary>
internal interface ILinearOperator
{
    int Rows { get; }

    int Columns { get; }

    /// <summary>y = A·x.</summary>
    void Multiply(ReadOnlySpan<double> x, Span<double> y);

    /// <summary>w = Aᵀ·r.</summary>
    void TransposeMultiply(ReadOnlySpan<double> r, Span<double> w);

    double[] ColumnNorms();
}

/// <summary>A dense [row, column] matrix as an <see cref="ILinearOperator"/>.</summary>
internal sealed class DenseOperator(double[,] a) : ILinearOperator
{
    public int Rows => a.GetLength(0);

    public int Columns => a.GetLength(1);

    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < Rows; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < Columns; j++)
            {
                sum += a[i, j] * x[j];
            }

            y[i] = sum;
        }
    }

    public void TransposeMultiply(ReadOnlySpan<double> r, Span<double> w)
    {
        w.Clear();
        for (var i = 0; i < Rows; i++)
        {
            var ri = r[i];
            for (var j = 0; j < Columns; j++)
            {
                w[j] += a[i, j] * ri;
            }
        }
    }

    public double[] ColumnNorms()
    {
        var norms = new double[Columns];
        for (var j = 0; j < Columns; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < Rows; i++)
            {
                sum += a[i, j] * a[i, j];
            }

            norms[j] = Math.Sqrt(sum);
        }

        return norms;
    }
}

/// <summary>A <see cref="SparseMatrixCsc"/> as an <see cref="ILinearOperator"/>.</summary>
internal sealed class SparseOperator(SparseMatrixCsc a) : ILinearOperator
{
    public int Rows => a.Rows;

    public int Columns => a.Columns;

    public void Multiply(ReadOnlySpan<double> x, Span<double> y) => a.Multiply(x, y);

    public void TransposeMultiply(ReadOnlySpan<double> r, Span<double> w) => a.TransposeMultiply(r, w);

    public double[] ColumnNorms() => a.ColumnNorms();
}
