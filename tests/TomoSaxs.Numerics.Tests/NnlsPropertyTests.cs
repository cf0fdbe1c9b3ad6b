using Xunit.Abstractions;

namespace TomoSaxs.Numerics.Tests;

/// <summary>Properties any correct NNLS solution has, checked on seeded random problems.</summary>
public sealed class NnlsPropertyTests(ITestOutputHelper output)
{
    // Scaled KKT tolerance: |w_j| / (‖a_j‖·‖b‖), a cosine; round-off sits near 1e-16.
    private const double KktTolerance = 1e-10;

    [Theory]
    [InlineData(1, 30, 10)]
    [InlineData(2, 60, 60)]
    [InlineData(3, 20, 50)]     // more unknowns than equations
    [InlineData(4, 200, 80)]
    [InlineData(5, 1, 4)]
    public void KktConditionsHoldOnRandomDenseProblems(int seed, int rows, int columns)
    {
        var random = new Random(seed);
        var a = RandomProblems.Dense(random, rows, columns);
        var b = RandomProblems.Vector(random, rows);
        var result = Nnls.Solve(a, b);
        AssertKkt(a, b, result);
        output.WriteLine($"dense {rows}×{columns}: KKT residual {result.KktResidual:E2}, {result.PassiveCount} free, {result.Iterations} iterations");
    }

    [Theory]
    [InlineData(11, 300, 60, 0.05)]
    [InlineData(12, 100, 100, 0.1)]
    [InlineData(13, 40, 90, 0.2)]
    public void KktConditionsHoldOnRandomSparseProblems(int seed, int rows, int columns, double density)
    {
        var random = new Random(seed);
        var a = RandomProblems.Dense(random, rows, columns, density);
        var b = RandomProblems.Vector(random, rows);
        var result = Nnls.Solve(SparseMatrixCsc.FromDense(a), b);
        AssertKkt(a, b, result);
        output.WriteLine($"sparse {rows}×{columns} ({density:P0}): KKT residual {result.KktResidual:E2}, {result.PassiveCount} free");
    }

    [Fact]
    public void AnExactNonNegativeSolutionIsRecovered()
    {
        var random = new Random(21);
        var a = RandomProblems.Dense(random, 80, 30);
        var truth = new double[30];
        for (var j = 0; j < truth.Length; j++)
        {
            truth[j] = j % 3 == 0 ? 0.0 : random.NextDouble() * 10;
        }

        var b = RandomProblems.Multiply(a, truth);
        foreach (var result in new[] { Nnls.Solve(a, b), Nnls.Solve(SparseMatrixCsc.FromDense(a), b) })
        {
            Assert.True(result.Converged);
            for (var j = 0; j < truth.Length; j++)
            {
                Assert.Equal(truth[j], result.X[j], 1e-10);
            }

            Assert.True(result.ResidualNorm < 1e-10, $"residual {result.ResidualNorm}");
        }
    }

    [Fact]
    public void ZeroColumnsGetZeroAndLeaveTheRestUnchanged()
    {
        var random = new Random(31);
        var core = RandomProblems.Dense(random, 50, 12);
        var b = RandomProblems.Vector(random, 50, 3);
        // Interleave four zero columns (positions 0, 5, 9 and the last).
        int[] zeroColumns = [0, 5, 9, 15];
        var withZeros = new double[50, 16];
        var map = new int[16];
        for (int j = 0, c = 0; j < 16; j++)
        {
            map[j] = zeroColumns.Contains(j) ? -1 : c++;
            for (var i = 0; i < 50; i++)
            {
                withZeros[i, j] = map[j] < 0 ? 0.0 : core[i, map[j]];
            }
        }

        var reference = Nnls.Solve(core, b);
        foreach (var result in new[] { Nnls.Solve(withZeros, b), Nnls.Solve(SparseMatrixCsc.FromDense(withZeros), b) })
        {
            for (var j = 0; j < 16; j++)
            {
                Assert.Equal(map[j] < 0 ? 0.0 : reference.X[map[j]], result.X[j], 1e-12);
            }

            Assert.Equal(reference.ResidualNorm, result.ResidualNorm, 1e-12);
        }
    }

    [Fact]
    public void AllZeroMatrixGivesZero()
    {
        var b = new[] { 1.0, -2.0, 3.0 };
        var dense = Nnls.Solve(new double[3, 2], b);
        var sparse = Nnls.Solve(new SparseMatrixBuilder(3, 2).Build(), b);
        foreach (var result in new[] { dense, sparse })
        {
            Assert.Equal([0.0, 0.0], result.X);
            Assert.Equal(Math.Sqrt(14), result.ResidualNorm, 1e-15);
            Assert.True(result.Converged);
        }
    }

    [Fact]
    public void ZeroRightHandSideGivesZero()
    {
        var a = RandomProblems.Dense(new Random(41), 10, 4);
        var result = Nnls.Solve(a, new double[10]);
        Assert.All(result.X, v => Assert.Equal(0.0, v));
        Assert.Equal(0.0, result.ResidualNorm);
    }

    [Fact]
    public void DuplicateColumnsStillGiveAnOptimalSolution()
    {
        // A rank-deficient design: fibres with identical profiles. The split between copies is not unique,
        // but the fitted data, the residual and the KKT conditions are.
        var random = new Random(51);
        var core = RandomProblems.Dense(random, 40, 6);
        var doubled = new double[40, 8];
        for (var i = 0; i < 40; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                doubled[i, j] = core[i, j];
            }

            doubled[i, 6] = core[i, 2];
            doubled[i, 7] = core[i, 4];
        }

        var truth = new[] { 1.0, 0.0, 2.0, 0.5, 3.0, 0.0 };
        var b = RandomProblems.Multiply(core, truth);
        var reference = Nnls.Solve(core, b);
        foreach (var result in new[] { Nnls.Solve(doubled, b), Nnls.Solve(SparseMatrixCsc.FromDense(doubled), b) })
        {
            AssertKkt(doubled, b, result);
            Assert.Equal(reference.ResidualNorm, result.ResidualNorm, 1e-10);
            Assert.Equal(truth[2], result.X[2] + result.X[6], 1e-10);
            Assert.Equal(truth[4], result.X[4] + result.X[7], 1e-10);
        }
    }

    [Fact]
    public void ALargerSparseProblemGivesTheSameAnswerAsDense()
    {
        // 120 beam paths × 30 χ bins, 400 fibres, 12 fibres per path: the amplitude stage's structure in small.
        var random = new Random(61);
        var sparse = RandomProblems.ProfileLike(random, paths: 120, binsPerPath: 30, fibres: 400, fibresPerPath: 12);
        var dense = sparse.ToDense();
        var truth = new double[sparse.Columns];
        for (var j = 0; j < truth.Length; j++)
        {
            truth[j] = random.NextDouble() < 0.2 ? 0.0 : Math.Exp(random.NextDouble() * 4);
        }

        var b = RandomProblems.Multiply(dense, truth);
        for (var i = 0; i < b.Length; i++)
        {
            b[i] += 0.05 * (random.NextDouble() - 0.5) * Math.Sqrt(Math.Abs(b[i]) + 1);
        }

        var options = new NnlsOptions { MaxIterations = 20 * sparse.Columns };
        var fromSparse = Nnls.Solve(sparse, b, options);
        var fromDense = Nnls.Solve(dense, b, options);
        Assert.True(fromSparse.Converged && fromDense.Converged);
        AssertKkt(dense, b, fromSparse);
        AssertKkt(dense, b, fromDense);
        var scale = fromDense.X.Max();
        var worst = 0.0;
        for (var j = 0; j < truth.Length; j++)
        {
            worst = Math.Max(worst, Math.Abs(fromSparse.X[j] - fromDense.X[j]));
        }

        output.WriteLine($"{sparse.Rows}×{sparse.Columns}, nnz {sparse.NonZeroCount}: max |x_sparse − x_dense| = {worst:E2} (max x {scale:F2}); " +
                         $"residuals {fromSparse.ResidualNorm:R} vs {fromDense.ResidualNorm:R}; {fromDense.PassiveCount} free; iterations {fromSparse.Iterations}/{fromDense.Iterations}");
        Assert.True(worst <= 1e-8 * scale, $"sparse and dense solutions differ by {worst:E2}");
        Assert.Equal(fromDense.ResidualNorm, fromSparse.ResidualNorm, 1e-10 * fromDense.ResidualNorm);
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-5)]
    public void NearlyDependentSparseColumnsAreRefinedToDenseAccuracy(double perturbation)
    {
        // Pairs of fibre profiles that differ by a relative `perturbation`: cond(A) ≈ 1/perturbation, so the
        // Gram-based sparse reduction alone loses ~ε·cond² of accuracy; the refinement against A restores it.
        var random = new Random(91);
        const int rows = 600, columns = 60;
        var a = new double[rows, columns];
        for (var j = 0; j < columns; j += 2)
        {
            var centre = random.NextDouble() * rows;
            var width = 20 + random.NextDouble() * 40;
            for (var i = 0; i < rows; i++)
            {
                var v = Math.Exp(-0.5 * Math.Pow((i - centre) / width, 2));
                a[i, j] = v < 1e-8 ? 0 : v;
                a[i, j + 1] = v < 1e-8 ? 0 : v * (1 + perturbation * (random.NextDouble() - 0.5));
            }
        }

        var truth = Enumerable.Range(0, columns).Select(_ => random.NextDouble() < 0.3 ? 0 : random.NextDouble() * 10).ToArray();
        var b = RandomProblems.Multiply(a, truth);
        for (var i = 0; i < rows; i++)
        {
            b[i] += 1e-3 * (random.NextDouble() - 0.5);
        }

        var dense = Nnls.Solve(a, b);
        var sparse = Nnls.Solve(SparseMatrixCsc.FromDense(a), b);
        var unrefined = Nnls.Solve(SparseMatrixCsc.FromDense(a), b, new NnlsOptions { RefinementSteps = 0 });
        AssertKkt(a, b, dense);
        AssertKkt(a, b, sparse);
        var scale = dense.X.Max();
        var refinedError = dense.X.Zip(sparse.X, (d, s) => Math.Abs(d - s)).Max() / scale;
        var unrefinedError = dense.X.Zip(unrefined.X, (d, s) => Math.Abs(d - s)).Max() / scale;
        output.WriteLine($"perturbation {perturbation:E0}: sparse vs dense max |Δx|/max x = {refinedError:E2} refined, {unrefinedError:E2} unrefined");
        Assert.True(refinedError <= 1e-8, $"refined sparse solution differs by {refinedError:E2}");
        Assert.True(refinedError <= unrefinedError);
    }

    [Fact]
    public void ResultsAreBitIdenticalAcrossRunsAndThreadCounts()
    {
        var random = new Random(71);
        var sparse = RandomProblems.ProfileLike(random, paths: 60, binsPerPath: 30, fibres: 300, fibresPerPath: 15);
        var dense = sparse.ToDense();
        var b = RandomProblems.Vector(random, sparse.Rows, 5);
        for (var i = 0; i < b.Length; i++)
        {
            b[i] = Math.Abs(b[i]);
        }

        var sequential = new NnlsOptions { MaxIterations = 3000 };
        var threaded = sequential with { MaxDegreeOfParallelism = -1 };
        Assert.Equal(Nnls.Solve(sparse, b, sequential).X, Nnls.Solve(sparse, b, threaded).X);
        Assert.Equal(Nnls.Solve(dense, b, sequential).X, Nnls.Solve(dense, b, threaded).X);
        Assert.Equal(Nnls.Solve(sparse, b, sequential).X, Nnls.Solve(sparse, b, sequential).X);
    }

    [Fact]
    public void TheIterationCapStopsWithAFeasibleIterateAndSaysSo()
    {
        var random = new Random(81);
        var a = RandomProblems.Dense(random, 60, 40);
        var b = RandomProblems.Vector(random, 60);
        var full = Nnls.Solve(a, b);
        Assert.True(full.Iterations > 3);
        var capped = Nnls.Solve(a, b, new NnlsOptions { MaxIterations = 3 });
        Assert.False(capped.Converged);
        Assert.Equal(3, capped.Iterations);
        Assert.All(capped.X, v => Assert.True(v >= 0));
        Assert.True(capped.ResidualNorm >= full.ResidualNorm);
    }

    [Fact]
    public void DefaultIterationCapIsThreeTimesTheColumns()
    {
        // Each column can enter at most once per main iteration; a 1-column problem needs one inner iteration.
        var result = Nnls.Solve(new double[,] { { 1 }, { 1 } }, [1.0, 3.0]);
        Assert.True(result.Converged);
        Assert.Equal(1, result.Iterations);
        Assert.Equal(2.0, result.X[0], 1e-15);
    }

    [Fact]
    public void InvalidInputIsRejectedWithArgumentException()
    {
        var a = new double[,] { { 1, 2 }, { 3, 4 } };
        Assert.Throws<ArgumentException>(() => Nnls.Solve(a, [1.0]));
        Assert.Throws<ArgumentException>(() => Nnls.Solve(a, [1.0, double.NaN]));
        Assert.Throws<ArgumentException>(() => Nnls.Solve(new double[,] { { 1, double.PositiveInfinity } }, [1.0]));
        Assert.Throws<ArgumentException>(() => Nnls.Solve(new double[0, 2], []));
        Assert.Throws<ArgumentException>(() => Nnls.Solve(a, [1.0, 2.0], new NnlsOptions { MaxIterations = 0 }));
        Assert.Throws<ArgumentException>(() => Nnls.Solve(a, [1.0, 2.0], new NnlsOptions { Tolerance = -1 }));
        Assert.Throws<ArgumentException>(() => Nnls.Solve(a, [1.0, 2.0], new NnlsOptions { MaxDegreeOfParallelism = 0 }));
    }

    private static void AssertKkt(double[,] a, double[] b, NnlsResult result)
    {
        Assert.True(result.Converged, "did not converge");
        var rows = a.GetLength(0);
        var columns = a.GetLength(1);
        var residual = RandomProblems.Multiply(a, result.X);
        for (var i = 0; i < rows; i++)
        {
            residual[i] = b[i] - residual[i];
        }

        var bNorm = Math.Sqrt(b.Sum(v => v * v));
        Assert.Equal(Math.Sqrt(residual.Sum(v => v * v)), result.ResidualNorm, 1e-12 * Math.Max(bNorm, 1));
        for (var j = 0; j < columns; j++)
        {
            Assert.True(result.X[j] >= 0, $"x[{j}] = {result.X[j]} is negative");
            var w = 0.0;
            var norm = 0.0;
            for (var i = 0; i < rows; i++)
            {
                w += a[i, j] * residual[i];
                norm += a[i, j] * a[i, j];
            }

            Assert.Equal(w, result.Dual[j], 1e-12 * Math.Max(Math.Sqrt(norm) * bNorm, 1e-300));
            var scale = Math.Sqrt(norm) * bNorm;
            if (scale == 0)
            {
                continue;
            }

            if (result.X[j] > 0)
            {
                Assert.True(Math.Abs(w) <= KktTolerance * scale, $"free x[{j}] = {result.X[j]} has gradient {w / scale:E2} (scaled)");
            }
            else
            {
                Assert.True(w <= KktTolerance * scale, $"bound x[{j}] has ascent direction {w / scale:E2} (scaled)");
            }
        }

        Assert.True(result.KktResidual <= KktTolerance, $"reported KKT residual {result.KktResidual:E2}");
    }
}
