using MathNet.Numerics;

namespace TomoSaxs.Phantom;

/// <summary>
/// Exact Poisson draws: multiplication of uniforms for small means, and for means ≥ 10 the transformed
/// rejection method PTRS (Hörmann 1993, "The transformed rejection method for generating Poisson random
/// variables", the algorithm NumPy uses), whose cost does not grow with the mean.
/// </summary>
internal static class PoissonSampler
{
    private const double SmallMeanLimit = 10.0;

    /// <summary>A Poisson draw of mean <paramref name="mean"/> (≥ 0) from <paramref name="random"/>.</summary>
    public static long Sample(PhantomRandom random, double mean)
    {
        if (!(mean > 0))
        {
            return 0;
        }

        return mean < SmallMeanLimit ? Multiplication(random, mean) : TransformedRejection(random, mean);
    }

    private static long Multiplication(PhantomRandom random, double mean)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        long count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    private static long TransformedRejection(PhantomRandom random, double mean)
    {
        var sqrtMean = Math.Sqrt(mean);
        // ln λ is needed only in the rare slow acceptance test; computing it there keeps the common path cheap.
        var logMean = double.NaN;
        var b = 0.931 + 2.53 * sqrtMean;
        var a = -0.059 + 0.02483 * b;
        var inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
        var vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            if (double.IsNaN(logMean))
            {
                logMean = Math.Log(mean);
            }

            if (Math.Log(v) + Math.Log(inverseAlpha) - Math.Log(a / (us * us) + b) <= -mean + k * logMean - SpecialFunctions.GammaLn(k + 1))
            {
                return (long)k;
            }
        }
    }
}
