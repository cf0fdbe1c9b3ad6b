using System.Numerics;

namespace TomoSaxs.Correct.Detector;

/// <summary>
/// The principal branch W₀ of the Lambert W function (w·eʷ = z) for complex arguments, as the dead-time model
/// needs it past the branch point z = −1/e (background-correction note §4.4).
/// </summary>
public static class LambertW
{
    private const int MaxIterations = 100;

    /// <summary>W₀(z): series about the branch point when |z + 1/e| ≤ 1, else log z − log log z, refined by Halley steps
    /// until the relative step is below 1e-14.</summary>
    /// <param name="z">The argument (dimensionless).</param>
    public static Complex Principal(Complex z)
    {
        if (z == Complex.Zero)
        {
            return Complex.Zero;
        }

        Complex w;
        if (Complex.Abs(z + 1 / Math.E) <= 1)
        {
            var q = Complex.Sqrt(2 * (Math.E * z + 1));
            w = -1 + q - q * q / 3 + 11 * q * q * q / 72;
        }
        else
        {
            var log = Complex.Log(z);
            w = log - Complex.Log(log);
        }

        for (var i = 0; i < MaxIterations; i++)
        {
            var ew = Complex.Exp(w);
            var f = w * ew - z;
            var step = f / (ew * (w + 1) - (w + 2) * f / (2 * w + 2));
            w -= step;
            if (Complex.Abs(step) <= 1e-14 * Math.Max(1, Complex.Abs(w)))
            {
                break;
            }
        }

        return w;
    }
}
