namespace TomoSaxs.Numerics;

/// <summary>
/// Non-negative least squares: minimise ‖A·x − b‖₂ subject to x ≥ 0, by the Lawson–Hanson active-set method
/// (the algorithm behind <c>scipy.optimize.nnls</c>), for dense or sparse A. Deterministic: the same input gives
/// bit-identical output on any machine and at any degree of parallelism.
/// </summary>
/// <remarks>
/// <para>The problem is first reduced to at most n rows — by Householder QR for dense A, by a Cholesky factor of
/// AᵀA for sparse A (see <see cref="GramReduction"/> for why) — and Lawson–Hanson runs on that triangle with
/// orthogonal (Householder/Givens) updates of the passive set's factor, costing O(n²) per step however many rows
/// A has. The final passive solution is refined against the original A and the residual, dual vector and KKT
/// residual are all measured with the original A.</para>
/// <para>Memory: the dense path copies A; the sparse path holds one dense n × n matrix (32 MB at n = 2000).</para>
/// </remarks>
public static class Nnls
{
    /// <summary>Solves with a dense A given as [row, column] (m × n) and b of length m.</summary>
    /// <exception cref="ArgumentException">Empty or inconsistent dimensions, non-finite entries, or invalid options.</exception>
    public static NnlsResult Solve(double[,] a, ReadOnlySpan<double> b, NnlsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        options ??= NnlsOptions.Default;
        options.Validate();
        CheckShape(a.GetLength(0), a.GetLength(1), b);
        foreach (var v in a)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("A has a non-finite entry.", nameof(a));
            }
        }

        var parallel = new ColumnParallel(options.MaxDegreeOfParallelism);
        return Run(new DenseOperator(a), DenseReduction.Reduce(a, b, parallel), b, options, parallel);
    }

    /// <summary>Solves with a sparse A (m × n, compressed columns) and b of length m.</summary>
    /// <exception cref="ArgumentException">Empty or inconsistent dimensions, non-finite b, or invalid options.</exception>
    public static NnlsResult Solve(SparseMatrixCsc a, ReadOnlySpan<double> b, NnlsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        options ??= NnlsOptions.Default;
        options.Validate();
        CheckShape(a.Rows, a.Columns, b);
        var parallel = new ColumnParallel(options.MaxDegreeOfParallelism);
        return Run(new SparseOperator(a), GramReduction.Reduce(a, b, parallel), b, options, parallel);
    }

    private static NnlsResult Run(ILinearOperator a, ReducedSystem reduced, ReadOnlySpan<double> b, NnlsOptions options, ColumnParallel parallel)
    {
        var n = a.Columns;
        var columnNorms = a.ColumnNorms();
        var bNorm = Norm(b);
        var thresholds = new double[n];
        for (var j = 0; j < n; j++)
        {
            // A zero column can never lower the residual; keep it out rather than trust a round-off gradient.
            thresholds[j] = columnNorms[j] > 0.0 ? options.Tolerance * columnNorms[j] * bNorm : double.PositiveInfinity;
        }

        var core = new LawsonHansonCore(reduced, thresholds, parallel);
        core.Run(options.MaxIterations ?? 3 * n);
        var x = core.X;
        Refine(a, b, core, options.RefinementSteps);

        var residual = new double[a.Rows];
        a.Multiply(x, residual);
        for (var i = 0; i < residual.Length; i++)
        {
            residual[i] = b[i] - residual[i];
        }

        var dual = new double[n];
        a.TransposeMultiply(residual, dual);
        var kkt = 0.0;
        var passive = 0;
        for (var j = 0; j < n; j++)
        {
            if (x[j] > 0.0)
            {
                passive++;
            }

            var scale = columnNorms[j] * bNorm;
            if (scale > 0.0)
            {
                var violation = x[j] > 0.0 ? Math.Abs(dual[j]) : Math.Max(dual[j], 0.0);
                kkt = Math.Max(kkt, violation / scale);
            }
        }

        return new NnlsResult((double[])x.Clone(), Norm(residual), dual, kkt, core.Iterations, core.Converged, passive);
    }

    /// <summary>
    /// Corrected semi-normal equations on the passive set P: δ solves (U_PᵀU_P)·δ = A_Pᵀ(b − A·x) with the
    /// solver's triangular factor U_P (U_PᵀU_P = A_PᵀA_P), and x_P += δ while that keeps x_P &gt; 0 and the
    /// corrections shrink.
    /// </summary>
    private static void Refine(ILinearOperator a, ReadOnlySpan<double> b, LawsonHansonCore core, int steps)
    {
        var passive = core.PassiveSet.ToArray();
        var p = passive.Length;
        if (p == 0 || steps == 0)
        {
            return;
        }

        var x = core.X;
        var residual = new double[a.Rows];
        var gradient = new double[a.Columns];
        var y = new double[p];
        var previousCorrection = double.PositiveInfinity;
        for (var step = 0; step < steps; step++)
        {
            a.Multiply(x, residual);
            for (var i = 0; i < residual.Length; i++)
            {
                residual[i] = b[i] - residual[i];
            }

            a.TransposeMultiply(residual, gradient);
            // Uᵀ·y = g_P (forward), then U·δ = y (backward), δ stored in y.
            for (var ip = 0; ip < p; ip++)
            {
                var sum = gradient[passive[ip]];
                for (var l = 0; l < ip; l++)
                {
                    sum -= core.Entry(l, passive[ip]) * y[l];
                }

                y[ip] = sum / core.Entry(ip, passive[ip]);
            }

            for (var ip = p - 1; ip >= 0; ip--)
            {
                y[ip] /= core.Entry(ip, passive[ip]);
                for (var l = 0; l < ip; l++)
                {
                    y[l] -= core.Entry(l, passive[ip]) * y[ip];
                }
            }

            var correction = 0.0;
            var size = 0.0;
            var feasible = true;
            for (var ip = 0; ip < p; ip++)
            {
                correction = double.Hypot(correction, y[ip]);
                size = double.Hypot(size, x[passive[ip]]);
                feasible &= x[passive[ip]] + y[ip] > 0.0;
            }

            if (!feasible || !(correction < previousCorrection))
            {
                return;
            }

            for (var ip = 0; ip < p; ip++)
            {
                x[passive[ip]] += y[ip];
            }

            previousCorrection = correction;
            if (correction <= 1e-15 * size)
            {
                return;
            }
        }
    }

    private static void CheckShape(int rows, int columns, ReadOnlySpan<double> b)
    {
        if (rows < 1 || columns < 1)
        {
            throw new ArgumentException($"A must have at least one row and one column (got {rows} × {columns}).");
        }

        if (b.Length != rows)
        {
            throw new ArgumentException($"b has {b.Length} values but A has {rows} rows.", nameof(b));
        }

        foreach (var v in b)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("b has a non-finite entry.", nameof(b));
            }
        }
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        // Scaled accumulation: residuals of intensities near 1e8 squared stay far from overflow anyway, but a
        // norm should not depend on that.
        var scale = 0.0;
        foreach (var e in v)
        {
            scale = Math.Max(scale, Math.Abs(e));
        }

        if (scale == 0.0)
        {
            return 0.0;
        }

        var sum = 0.0;
        foreach (var e in v)
        {
            var s = e / scale;
            sum += s * s;
        }

        return scale * Math.Sqrt(sum);
    }
}
