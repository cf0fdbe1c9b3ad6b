namespace TomoSaxs.Correct.Detector;

/// <summary>
/// Self-absorption of a flat sample (note §4.4 step 6): scattered rays at 2θ cross a longer path than the direct
/// beam. Multiply the transmission-normalised intensity by f = (1 − T^(σ−1)) / (ln T·(1 − σ)) with σ = 1/cos 2θ;
/// f = 1 where σ = 1 or T = 1.
/// </summary>
public static class SelfAbsorption
{
    /// <summary>The factor f for transmission <paramref name="transmission"/> (0 &lt; T ≤ 1, dimensionless) and
    /// <paramref name="secTwoTheta"/> = 1/cos 2θ.</summary>
    public static double Factor(double transmission, double secTwoTheta)
    {
        var sigmaMinusOne = secTwoTheta - 1;
        if (sigmaMinusOne == 0 || transmission == 1)
        {
            return 1;
        }

        return FactorFromLog(Math.Log(transmission), sigmaMinusOne);
    }

    /// <summary>The factor from ln T and σ − 1 (so that a frame's ln T is taken once for all its pixels).</summary>
    public static double FactorFromLog(double logTransmission, double secTwoThetaMinusOne)
    {
        if (secTwoThetaMinusOne == 0 || logTransmission == 0)
        {
            return 1;
        }

        // (1 − T^(σ−1)) / (ln T·(1 − σ)) = expm1(x)/x with x = (σ−1)·ln T, kept accurate for σ − 1 ≈ 1e-6.
        var x = secTwoThetaMinusOne * logTransmission;
        return ExpM1(x) / x;
    }

    /// <summary>exp(x) − 1 without cancellation for small |x|.</summary>
    private static double ExpM1(double x) =>
        Math.Abs(x) < 1e-5 ? x * (1 + x * (0.5 + x / 6)) : Math.Exp(x) - 1;
}
