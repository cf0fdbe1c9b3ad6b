using Xunit.Abstractions;

namespace TomoSaxs.Numerics.Tests;

/// <summary>NNLS against SciPy 1.10.1 (five problems from 12×5 to 500×200), through the dense and sparse paths.</summary>
public sealed class NnlsGoldenTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 1e-6;
    private const double AbsoluteTolerance = 1e-9;

    public static TheoryData<int> Cases => new(Enumerable.Range(0, ScipyReference.Instance.Nnls.Count));

    [Theory]
    [MemberData(nameof(Cases))]
    public void DenseSolutionMatchesScipy(int caseIndex)
    {
        var golden = ScipyReference.Instance.Nnls[caseIndex];
        Check(golden, Nnls.Solve(golden.DenseA, golden.B), "dense");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SparseSolutionMatchesScipy(int caseIndex)
    {
        var golden = ScipyReference.Instance.Nnls[caseIndex];
        Check(golden, Nnls.Solve(SparseMatrixCsc.FromDense(golden.DenseA), golden.B), "sparse");
    }

    private void Check(NnlsCase golden, NnlsResult result, string path)
    {
        Assert.True(result.Converged, $"{path} {golden}: did not converge in {result.Iterations} iterations");
        var worstRelative = 0.0;
        var worstAbsolute = 0.0;
        for (var j = 0; j < golden.X.Length; j++)
        {
            var diff = Math.Abs(result.X[j] - golden.X[j]);
            Assert.True(diff <= Math.Max(RelativeTolerance * Math.Abs(golden.X[j]), AbsoluteTolerance),
                $"{path} {golden}: x[{j}] = {result.X[j]:R}, SciPy {golden.X[j]:R}");
            worstAbsolute = Math.Max(worstAbsolute, diff);
            if (golden.X[j] != 0)
            {
                worstRelative = Math.Max(worstRelative, diff / Math.Abs(golden.X[j]));
            }
        }

        var residualError = Math.Abs(result.ResidualNorm - golden.ResidualNorm);
        Assert.True(residualError <= Math.Max(RelativeTolerance * golden.ResidualNorm, AbsoluteTolerance),
            $"{path} {golden}: residual {result.ResidualNorm:R}, SciPy {golden.ResidualNorm:R}");
        Assert.Equal(golden.X.Count(v => v > 0), result.PassiveCount);
        output.WriteLine($"{path} {golden}: worst |Δx| {worstAbsolute:E2}, worst |Δx|/|x| {worstRelative:E2}, " +
                         $"|Δ residual|/residual {residualError / golden.ResidualNorm:E2}, iterations {result.Iterations}, KKT {result.KktResidual:E1}");
    }
}
