namespace TomoSaxs.Numerics;

/// <summary>
/// Least-squares polynomial fitting on a window of equally spaced samples at positions 0 … w − 1, expressed as
/// evaluation weights: the fitted polynomial's value at position t is Σ_k h_k(t)·y_k. Savitzky–Golay smoothing is
/// this fit applied in a sliding window (interior) and at the two end windows (edges).
/// </summary>
/// <remarks>
/// The Vandermonde matrix is built on positions mapped to [−1, 1] (the fitted polynomial does not depend on an
/// affine change of variable) and factorised by Householder QR, so no normal equations are formed. With
/// V = Q·R the weights are h(t) = Q·R⁻ᵀ·φ(t), φ(t) being the monomials at t.
/// </remarks>
internal sealed class WindowPolynomialFit
{
    private readonly int window;
    private readonly int terms;
    private readonly double centre;
    private readonly double halfSpan;
    private readonly double[,] q;   // thin Q, window × terms
    private readonly double[,] r;   // terms × terms, upper triangular

    public WindowPolynomialFit(int window, int degree)
    {
        this.window = window;
        terms = degree + 1;
        centre = (window - 1) / 2.0;
        halfSpan = Math.Max(centre, 1.0);

        var a = new double[window, terms];
        for (var k = 0; k < window; k++)
        {
            var s = Scaled(k);
            var power = 1.0;
            for (var i = 0; i < terms; i++)
            {
                a[k, i] = power;
                power *= s;
            }
        }

        (q, r) = ThinQr(a);
    }

    /// <summary>The weights h_k(t), k = 0 … w − 1, that evaluate the fitted polynomial at position t.</summary>
    public double[] Weights(double position)
    {
        // Solve Rᵀ·u = φ(t) by forward substitution, then h = Q·u.
        var s = Scaled(position);
        var u = new double[terms];
        var power = 1.0;
        for (var i = 0; i < terms; i++)
        {
            var sum = power;
            for (var l = 0; l < i; l++)
            {
                sum -= r[l, i] * u[l];
            }

            u[i] = sum / r[i, i];
            power *= s;
        }

        var h = new double[window];
        for (var k = 0; k < window; k++)
        {
            var sum = 0.0;
            for (var i = 0; i < terms; i++)
            {
                sum += q[k, i] * u[i];
            }

            h[k] = sum;
        }

        return h;
    }

    private double Scaled(double position) => (position - centre) / halfSpan;

    /// <summary>Householder QR of a full-column-rank m × n matrix (m ≥ n): returns the thin Q and R.</summary>
    private static (double[,] Q, double[,] R) ThinQr(double[,] a)
    {
        var m = a.GetLength(0);
        var n = a.GetLength(1);
        var reflectors = new double[n][];
        for (var j = 0; j < n; j++)
        {
            var norm = 0.0;
            for (var k = j; k < m; k++)
            {
                norm = double.Hypot(norm, a[k, j]);
            }

            // Reflect x onto −sign(x_j)·‖x‖·e_j so that v_j = x_j + sign(x_j)·‖x‖ never cancels.
            var alpha = a[j, j] > 0 ? -norm : norm;
            var v = new double[m - j];
            for (var k = j; k < m; k++)
            {
                v[k - j] = a[k, j];
            }

            v[0] -= alpha;
            var vv = 0.0;
            foreach (var e in v)
            {
                vv += e * e;
            }

            reflectors[j] = v;
            for (var c = j; c < n; c++)
            {
                Reflect(a, v, vv, j, c);
            }
        }

        var r = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                r[i, j] = a[i, j];
            }
        }

        // Q's first n columns: apply H_0 … H_{n−1} in reverse order to the unit vectors.
        var q = new double[m, n];
        for (var i = 0; i < n; i++)
        {
            q[i, i] = 1.0;
        }

        for (var j = n - 1; j >= 0; j--)
        {
            var v = reflectors[j];
            var vv = 0.0;
            foreach (var e in v)
            {
                vv += e * e;
            }

            for (var c = 0; c < n; c++)
            {
                Reflect(q, v, vv, j, c);
            }
        }

        return (q, r);
    }

    private static void Reflect(double[,] target, double[] v, double vv, int offset, int column)
    {
        if (vv == 0.0)
        {
            return;
        }

        var dot = 0.0;
        for (var k = 0; k < v.Length; k++)
        {
            dot += v[k] * target[offset + k, column];
        }

        var scale = 2.0 * dot / vv;
        for (var k = 0; k < v.Length; k++)
        {
            target[offset + k, column] -= scale * v[k];
        }
    }
}
