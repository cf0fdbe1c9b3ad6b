namespace TomoSaxs.Register.Vertical;

/// <summary>
/// The least-squares fit of the WAXS values w_i as Σ_k c_k·a_ik over the grey-class path lengths a_ik of each
/// footprint, accumulated pixel by pixel through the normal equations. Because the classes sum to the CT's row
/// count at every footprint, the constant (air-like background) lies in their span and needs no column of its own.
/// The score is the multiple correlation R = √R² (the correlation between the WAXS map and its best class
/// prediction), so it reads on the same 0…1 scale as an |NCC|.
/// </summary>
internal sealed class ClassFitScore(int classes)
{
    private readonly double[] normal = new double[classes * classes];
    private readonly double[] rhs = new double[classes];
    private double sw, sww;

    /// <summary>Pixels accumulated.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one WAXS pixel <paramref name="w"/> with its class path lengths <paramref name="a"/>.</summary>
    public void Add(double w, ReadOnlySpan<double> a)
    {
        var k = rhs.Length;
        for (var i = 0; i < k; i++)
        {
            var ai = a[i];
            if (ai == 0)
            {
                continue;
            }

            rhs[i] += ai * w;
            var row = i * k;
            for (var j = 0; j <= i; j++)
            {
                normal[row + j] += ai * a[j];
            }
        }

        sw += w;
        sww += w * w;
        Count++;
    }

    /// <summary>R = √(1 − SS_res / SS_tot) of the least-squares fit, NaN with fewer than K + 2 pixels or a constant WAXS map.</summary>
    public double MultipleCorrelation()
    {
        var k = rhs.Length;
        var n = Count;
        var total = sww - sw * sw / Math.Max(1, n);
        if (n < k + 2 || !(total > 0))
        {
            return double.NaN;
        }

        // Classes absent from every footprint give zero rows; a tiny ridge (relative to the diagonal) keeps the
        // Cholesky factorisation defined without changing the fit of the classes present.
        var trace = 0.0;
        for (var i = 0; i < k; i++)
        {
            trace += normal[i * k + i];
        }

        var ridge = 1e-12 * trace / k;
        var l = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var s = normal[i * k + j] + (i == j ? ridge : 0);
                for (var m = 0; m < j; m++)
                {
                    s -= l[i * k + m] * l[j * k + m];
                }

                if (i == j)
                {
                    if (!(s > 0))
                    {
                        return double.NaN;
                    }

                    l[i * k + i] = Math.Sqrt(s);
                }
                else
                {
                    l[i * k + j] = s / l[j * k + j];
                }
            }
        }

        // Solve L·y = rhs; the explained sum of squares is c·rhs = |y|².
        var explained = 0.0;
        var y = new double[k];
        for (var i = 0; i < k; i++)
        {
            var s = rhs[i];
            for (var m = 0; m < i; m++)
            {
                s -= l[i * k + m] * y[m];
            }

            y[i] = s / l[i * k + i];
            explained += y[i] * y[i];
        }

        var residual = Math.Max(0, sww - explained);
        return Math.Sqrt(Math.Clamp(1 - residual / total, 0, 1));
    }
}
