namespace TomoSaxs.Numerics;

/// <summary>
/// Reduces a sparse least-squares problem to an n × n <see cref="ReducedSystem"/> through its Gram matrix:
/// AᵀA = RᵀR (Cholesky) and Rᵀc = Aᵀb give ‖A·x − b‖² = ‖R·x − c‖² + const, the same R (up to row signs) that a
/// QR factorisation of A would give.
/// </summary>
/// <remarks>
/// Why not an orthogonal reduction here: with m ≈ 10⁵ rows and n ≈ 10³–10⁴ columns a sparse QR either needs a
/// fill-reducing ordering machinery or costs O(m·n²), while the Gram matrix costs Σ_rows nnz(row)² and its
/// Cholesky n³/3. The price is that R carries errors of order ε·cond(A)² instead of ε·cond(A). The solver
/// therefore refines the final passive solution with corrected semi-normal equations against the original A
/// and reports the KKT residual measured with A itself (see <see cref="Nnls"/>). Columns that are numerically
/// dependent on earlier ones (pivot ≤ n·ε·‖a_j‖²), including zero columns, get a zero row in R.
/// </remarks>
internal static class GramReduction
{
    // The unit round-off of double (2⁻⁵²); .NET's double.Epsilon is the smallest subnormal instead.
    private const double MachineEpsilon = 2.220446049250313e-16;

    public static ReducedSystem Reduce(SparseMatrixCsc a, ReadOnlySpan<double> b, ColumnParallel parallel)
    {
        var n = a.Columns;
        var r = Gram(a);
        var diagonal = new double[n];
        for (var j = 0; j < n; j++)
        {
            diagonal[j] = r[j + j * n];
        }

        var pivotFloor = Math.Max(n, 1) * MachineEpsilon;
        for (var i = 0; i < n; i++)
        {
            var columnI = r.AsSpan(i * n, n);
            var pivot = diagonal[i] - Dot(columnI[..i], columnI[..i]);
            var row = i;
            if (!(pivot > pivotFloor * diagonal[i]) || diagonal[i] == 0.0)
            {
                // Dependent (or zero) column: a zero row of R keeps RᵀR = AᵀA for the remaining columns.
                for (var j = i; j < n; j++)
                {
                    r[i + j * n] = 0.0;
                }

                continue;
            }

            var rii = Math.Sqrt(pivot);
            r[i + i * n] = rii;
            // R[i, j] = (G[i, j] − Σ_{l<i} R[l, i]·R[l, j]) / R[i, i]; columns are independent of each other.
            parallel.For(i + 1, n, row, j =>
            {
                var columnJ = r.AsSpan(j * n, n);
                columnJ[row] = (columnJ[row] - Dot(r.AsSpan(row * n, row), columnJ[..row])) / rii;
            });
        }

        var d = new double[n];
        a.TransposeMultiply(b, d);
        var c = new double[n];
        for (var i = 0; i < n; i++)
        {
            var rii = r[i + i * n];
            c[i] = rii == 0.0 ? 0.0 : (d[i] - Dot(r.AsSpan(i * n, i), c.AsSpan(0, i))) / rii;
        }

        return new ReducedSystem(r, n, n, c, Math.Min(a.Rows, n));
    }

    /// <summary>The upper triangle of AᵀA, column-major n × n, accumulated row by row of A (fixed order).</summary>
    private static double[] Gram(SparseMatrixCsc a)
    {
        var n = a.Columns;
        var gram = new double[checked(n * n)];
        var (rowStarts, columns, values) = a.ToRowCompressed();
        for (var row = 0; row < a.Rows; row++)
        {
            for (var p = rowStarts[row]; p < rowStarts[row + 1]; p++)
            {
                var i = columns[p];
                var vi = values[p];
                for (var q = p; q < rowStarts[row + 1]; q++)
                {
                    gram[i + columns[q] * n] += vi * values[q];
                }
            }
        }

        return gram;
    }

    /// <summary>A dot product with a fixed four-way accumulation order, so results do not depend on the
    /// machine's vector width.</summary>
    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i + 3 < x.Length; i += 4)
        {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }

        for (; i < x.Length; i++)
        {
            s0 += x[i] * y[i];
        }

        return (s0 + s1) + (s2 + s3);
    }
}
