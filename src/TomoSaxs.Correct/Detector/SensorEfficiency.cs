namespace TomoSaxs.Correct.Detector;

/// <summary>
/// Angular efficiency of the sensor (note §4.4 step 9): E = 1 − exp(−μ·t/cos 2θ); the intensity is divided by E.
/// With the reference's μ = 0.85 and t = 1e-3 (the product is what counts) 1/E ≈ 1177, mostly an overall scale.
/// </summary>
public static class SensorEfficiency
{
    /// <summary>E at <paramref name="secTwoTheta"/> = 1/cos 2θ for the attenuation–thickness product
    /// <paramref name="muTimesThickness"/> (dimensionless).</summary>
    public static double Efficiency(double muTimesThickness, double secTwoTheta) =>
        -ExpM1(-muTimesThickness * secTwoTheta);

    private static double ExpM1(double x) => Math.Abs(x) < 1e-5 ? x * (1 + x * (0.5 + x / 6)) : Math.Exp(x) - 1;
}
