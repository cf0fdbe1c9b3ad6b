namespace TomoSaxs.Numerics;

/// <summary>
/// Reduces a dense least-squares problem to a <see cref="ReducedSystem"/> by Householder QR: for m &gt; n rows,
/// A = Q·R and ‖A·x − b‖² = ‖R·x − (Qᵀb)₁…ₙ‖² + const, so the n × n triangle carries the whole problem.
/// </summary>
internal static class DenseReduction
{
    public static ReducedSystem Reduce(double[,] a, ReadOnlySpan<double> b, ColumnParallel parallel)
    {
        var m = a.GetLength(0);
        var n = a.GetLength(1);
        var work = new double[m * n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++)
            {
                work[i + j * m] = a[i, j];
            }
        }

        var rhs = b.ToArray();
        if (m <= n)
        {
            // Already no taller than wide: the iteration works on A itself.
            return new ReducedSystem(work, m, n, rhs, m);
        }

        for (var j = 0; j < n; j++)
        {
            var reflector = work.AsMemory(j * m, m);
            var up = Householder.Construct(reflector.Span, j);
            var pivot = j;
            parallel.For(j + 1, n, m - j, c => Householder.Apply(reflector.Span, pivot, up, work.AsSpan(c * m, m)));
            Householder.Apply(reflector.Span, pivot, up, rhs);
        }

        var triangle = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            work.AsSpan(j * m, j + 1).CopyTo(triangle.AsSpan(j * n, j + 1));
        }

        return new ReducedSystem(triangle, n, n, rhs[..n], n);
    }
}
