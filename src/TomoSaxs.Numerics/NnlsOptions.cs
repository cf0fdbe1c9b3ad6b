namespace TomoSaxs.Numerics;

/// <summary>Settings of <see cref="Nnls"/>. The defaults reproduce SciPy's behaviour where SciPy has a setting.</summary>
public sealed record NnlsOptions
{
    /// <summary>The default settings.</summary>
    public static NnlsOptions Default { get; } = new();

    /// <summary>
    /// The cap on inner iterations (passive-set solves), or null for SciPy's default 3·n. Reaching it stops the
    /// solver with the last feasible iterate and <see cref="NnlsResult.Converged"/> = false (SciPy 1.10.1 raises).
    /// </summary>
    public int? MaxIterations { get; init; }

    /// <summary>
    /// The optimality tolerance, dimensionless: a bound variable x_j = 0 is released only while its gradient
    /// component w_j = a_jᵀ(b − A·x) exceeds <c>Tolerance · ‖a_j‖ · ‖b‖</c>. Since |w_j| ≤ ‖a_j‖‖b‖ this is a
    /// scale-free cosine; the default 1e-12 sits well above round-off and far below any meaningful gradient.
    /// </summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>
    /// Steps of corrected semi-normal-equation refinement of the final passive solution against the original A
    /// (0 disables). Each step costs two products with A and two triangular solves; it recovers the accuracy
    /// the Gram-based sparse reduction loses and is harmless after the dense QR reduction.
    /// </summary>
    public int RefinementSteps { get; init; } = 2;

    /// <summary>
    /// Threads for the O(n²) column updates; 1 (default) runs sequentially, -1 uses all cores. Results are
    /// bit-identical for every value, because each column is updated by the same arithmetic either way.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    internal void Validate()
    {
        if (MaxIterations is < 1)
        {
            throw new ArgumentException($"MaxIterations must be at least 1 or null for 3·n (got {MaxIterations}).", nameof(MaxIterations));
        }

        if (!(Tolerance >= 0) || !double.IsFinite(Tolerance))
        {
            throw new ArgumentException($"Tolerance must be a finite non-negative number (got {Tolerance}).", nameof(Tolerance));
        }

        if (RefinementSteps < 0)
        {
            throw new ArgumentException($"RefinementSteps must be non-negative (got {RefinementSteps}).", nameof(RefinementSteps));
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentException($"MaxDegreeOfParallelism must be -1 or positive (got {MaxDegreeOfParallelism}).", nameof(MaxDegreeOfParallelism));
        }
    }
}
