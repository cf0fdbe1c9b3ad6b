namespace TomoSaxs.Numerics;

/// <summary>
/// The Lawson–Hanson active-set iteration for min ‖W·x − z‖ subject to x ≥ 0 (Lawson &amp; Hanson, "Solving Least
/// Squares Problems", 1974, ch. 23), on a <see cref="ReducedSystem"/>.
/// </summary>
/// <remarks>
/// The free ("passive") columns are kept upper-triangular in the leading rows of W by orthogonal updates: a
/// column entering the passive set is reduced by one Householder reflection, a column leaving it is removed and
/// the triangle restored with Givens rotations. Every transformation is applied to all of W and z, so each
/// passive-set subproblem is a triangular solve of an orthogonally reduced system — the normal equations are
/// never formed here. A column may enter only if its gradient component exceeds
/// <c>tolerance · ‖a_j‖ · ‖b‖</c> (scale-free), is numerically independent of the passive columns, and would
/// take a positive value.
/// </remarks>
internal sealed class LawsonHansonCore
{
    // A new diagonal smaller than this fraction of the column's part above it counts as linear dependence.
    private const double IndependenceFactor = 0.01;

    private readonly ReducedSystem system;
    private readonly double[] w;
    private readonly int k;
    private readonly int n;
    private readonly double[] z;
    private readonly int[] index;
    private readonly double[] entryThreshold;
    private readonly double[] zz;
    private readonly ColumnParallel parallel;
    private int passiveCount;

    /// <param name="system">The reduced problem; overwritten.</param>
    /// <param name="entryThreshold">Per column, the gradient value a column must exceed to enter (∞ to never enter).</param>
    /// <param name="parallel">Column-parallel executor for the O(k·n) updates.</param>
    public LawsonHansonCore(ReducedSystem system, double[] entryThreshold, ColumnParallel parallel)
    {
        this.system = system;
        w = system.Matrix;
        k = system.RowCount;
        n = system.ColumnCount;
        z = system.Rhs;
        this.entryThreshold = entryThreshold;
        this.parallel = parallel;
        index = new int[n];
        for (var j = 0; j < n; j++)
        {
            index[j] = j;
        }

        X = new double[n];
        Dual = new double[n];
        zz = new double[k];
    }

    /// <summary>The current (always feasible) iterate.</summary>
    public double[] X { get; }

    /// <summary>The reduced-system gradient −∇ = Wᵀ(z − W·x) of the last main iteration (entries of passive columns are 0).</summary>
    public double[] Dual { get; }

    /// <summary>Subproblem solves counted as SciPy counts them (one per pass of the inner loop).</summary>
    public int Iterations { get; private set; }

    /// <summary>Whether the optimality test was met (false: the iteration cap stopped the solver).</summary>
    public bool Converged { get; private set; }

    /// <summary>The passive (free) columns, in the order of the triangular factor's columns.</summary>
    public ReadOnlySpan<int> PassiveSet => index.AsSpan(0, passiveCount);

    /// <summary>Entry (row, column) of W; the passive set's factor is rows 0…|P|−1 of the passive columns.</summary>
    public double Entry(int row, int column) => w[row + column * k];

    public void Run(int maxIterations)
    {
        while (true)
        {
            if (passiveCount == n || passiveCount >= Math.Min(k, system.RankLimit))
            {
                Converged = true;
                return;
            }

            ComputeDual();
            if (!AddBestCandidate())
            {
                Converged = true;
                return;
            }

            SolvePassive();
            while (true)
            {
                if (Iterations == maxIterations)
                {
                    Converged = false;
                    return;
                }

                Iterations++;

                // Step from x towards the unconstrained passive solution as far as feasibility allows.
                var alpha = 2.0;
                var blocking = -1;
                for (var ip = 0; ip < passiveCount; ip++)
                {
                    if (zz[ip] <= 0.0)
                    {
                        var xl = X[index[ip]];
                        var t = -xl / (zz[ip] - xl);
                        if (alpha > t)
                        {
                            alpha = t;
                            blocking = ip;
                        }
                    }
                }

                if (blocking < 0)
                {
                    for (var ip = 0; ip < passiveCount; ip++)
                    {
                        X[index[ip]] = zz[ip];
                    }

                    break;
                }

                for (var ip = 0; ip < passiveCount; ip++)
                {
                    var l = index[ip];
                    X[l] += alpha * (zz[ip] - X[l]);
                }

                RemoveFromPassive(blocking);
                // Round-off can leave other passive values non-positive; they leave too.
                for (var ip = 0; ip < passiveCount; ip++)
                {
                    if (X[index[ip]] <= 0.0)
                    {
                        RemoveFromPassive(ip);
                        ip = -1;
                    }
                }

                SolvePassive();
            }
        }
    }

    /// <summary>Dual_j = Σ_{l ≥ |P|} W[l, j]·z[l] for every active (bound) column j.</summary>
    private void ComputeDual()
    {
        var start = passiveCount;
        parallel.For(passiveCount, n, k - start, iz =>
        {
            var j = index[iz];
            var column = w.AsSpan(j * k, k);
            var sum = 0.0;
            for (var l = start; l < k; l++)
            {
                sum += column[l] * z[l];
            }

            Dual[j] = sum;
        });
    }

    /// <summary>Moves the most promising admissible column into the passive set; false when none qualifies.</summary>
    private bool AddBestCandidate()
    {
        var pivot = passiveCount;
        while (true)
        {
            var best = -1;
            var bestValue = 0.0;
            for (var iz = passiveCount; iz < n; iz++)
            {
                var j = index[iz];
                if (Dual[j] > entryThreshold[j] && (best < 0 || Dual[j] > bestValue))
                {
                    best = iz;
                    bestValue = Dual[j];
                }
            }

            if (best < 0)
            {
                return false;
            }

            var candidate = index[best];
            var column = w.AsSpan(candidate * k, k);
            var saved = column[pivot];
            var up = Householder.Construct(column, pivot);
            var above = 0.0;
            for (var l = 0; l < pivot; l++)
            {
                above += column[l] * column[l];
            }

            above = Math.Sqrt(above);
            var accepted = false;
            if (above + Math.Abs(column[pivot]) * IndependenceFactor - above > 0.0)
            {
                z.CopyTo(zz, 0);
                Householder.Apply(column, pivot, up, zz);
                // The value the column would take alone must be positive, otherwise entering cannot help.
                accepted = zz[pivot] / column[pivot] > 0.0;
            }

            if (!accepted)
            {
                column[pivot] = saved;
                Dual[candidate] = 0.0;
                continue;
            }

            zz.CopyTo(z, 0);
            index[best] = index[pivot];
            index[pivot] = candidate;
            passiveCount++;
            var reflector = w.AsMemory(candidate * k, k);
            parallel.For(passiveCount, n, k - pivot, iz =>
            {
                Householder.Apply(reflector.Span, pivot, up, w.AsSpan(index[iz] * k, k));
            });

            column[(pivot + 1)..].Clear();
            Dual[candidate] = 0.0;
            return true;
        }
    }

    /// <summary>Solves the passive triangle for the unconstrained passive values, into zz[0 … |P|).</summary>
    private void SolvePassive()
    {
        z.CopyTo(zz, 0);
        for (var ip = passiveCount - 1; ip >= 0; ip--)
        {
            var column = w.AsSpan(index[ip] * k, k);
            zz[ip] /= column[ip];
            var value = zz[ip];
            for (var l = 0; l < ip; l++)
            {
                zz[l] -= column[l] * value;
            }
        }
    }

    /// <summary>Moves passive position <paramref name="position"/> to the active set at value 0 and restores the
    /// triangle with Givens rotations on consecutive rows.</summary>
    private void RemoveFromPassive(int position)
    {
        var leaving = index[position];
        X[leaving] = 0.0;
        for (var p = position + 1; p < passiveCount; p++)
        {
            var keep = index[p];
            index[p - 1] = keep;
            var column = w.AsSpan(keep * k, k);
            var (c, s, r) = Rotation(column[p - 1], column[p]);
            column[p - 1] = r;
            column[p] = 0.0;
            var upper = p - 1;
            parallel.For(0, n, 2, l =>
            {
                if (l != keep)
                {
                    var col = w.AsSpan(l * k, k);
                    var a = col[upper];
                    var b = col[upper + 1];
                    col[upper] = c * a + s * b;
                    col[upper + 1] = -s * a + c * b;
                }
            });

            var za = z[upper];
            var zb = z[upper + 1];
            z[upper] = c * za + s * zb;
            z[upper + 1] = -s * za + c * zb;
        }

        passiveCount--;
        index[passiveCount] = leaving;
    }

    /// <summary>The rotation (c, s) with [c s; −s c]·(a, b)ᵀ = (r, 0)ᵀ.</summary>
    private static (double C, double S, double R) Rotation(double a, double b)
    {
        var r = double.Hypot(a, b);
        return r == 0.0 ? (1.0, 0.0, 0.0) : (a / r, b / r, r);
    }
}
