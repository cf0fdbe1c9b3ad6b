namespace TomoSaxs.Numerics;

/// <summary>The outcome of a non-negative least-squares solve min ‖A·x − b‖₂ subject to x ≥ 0.</summary>
public sealed class NnlsResult
{
    internal NnlsResult(double[] x, double residualNorm, double[] dual, double kktResidual, int iterations, bool converged, int passiveCount)
    {
        X = x;
        ResidualNorm = residualNorm;
        Dual = dual;
        KktResidual = kktResidual;
        Iterations = iterations;
        Converged = converged;
        PassiveCount = passiveCount;
    }

    /// <summary>The solution x ≥ 0, one value per column of A, in the unit of b per unit of A.</summary>
    public double[] X { get; }

    /// <summary>‖A·x − b‖₂, computed from the original A, in the unit of b.</summary>
    public double ResidualNorm { get; }

    /// <summary>The dual vector w = Aᵀ(b − A·x) (the negative gradient of ½‖A·x − b‖²), from the original A. At
    /// the optimum w_j ≈ 0 where x_j &gt; 0 and w_j ≤ 0 where x_j = 0.</summary>
    public double[] Dual { get; }

    /// <summary>
    /// The largest scaled violation of the KKT conditions, dimensionless: max over j of |w_j| (if x_j &gt; 0) or
    /// max(w_j, 0) (if x_j = 0), divided by ‖a_j‖·‖b‖. Comparable with <see cref="NnlsOptions.Tolerance"/>.
    /// </summary>
    public double KktResidual { get; }

    /// <summary>Inner iterations (passive-set solves) used; SciPy's count.</summary>
    public int Iterations { get; }

    /// <summary>True when the optimality test was met; false when the iteration cap stopped the solver (x is
    /// then the last feasible iterate).</summary>
    public bool Converged { get; }

    /// <summary>The number of free (positive) variables at the end.</summary>
    public int PassiveCount { get; }
}
