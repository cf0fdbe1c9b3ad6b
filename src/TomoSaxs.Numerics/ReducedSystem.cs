namespace TomoSaxs.Numerics;

/// <summary>
/// A least-squares problem min ‖W·x − z‖ with the same solution set and gradient as the caller's
/// min ‖A·x − b‖: W (k × n, column-major) is A reduced by orthogonal transformations (or, for sparse A, its
/// Gram-matrix Cholesky factor) and z the matching transform of b. The Lawson–Hanson iteration then works on at
/// most n rows however tall A is.
/// </summary>
/// <param name="Matrix">W, column-major: entry (l, j) at l + j·RowCount. Owned and overwritten by the solver.</param>
/// <param name="RowCount">k, the rows of W.</param>
/// <param name="ColumnCount">n, the columns of W (the unknowns).</param>
/// <param name="Rhs">z, length k. Owned and overwritten by the solver.</param>
/// <param name="RankLimit">An upper bound on rank(A): no more unknowns than this can be free at once.</param>
internal sealed record ReducedSystem(double[] Matrix, int RowCount, int ColumnCount, double[] Rhs, int RankLimit)
{
    public Span<double> Column(int j) => Matrix.AsSpan(j * RowCount, RowCount);
}
