namespace TomoSaxs.Correct.Detector;

/// <summary>
/// Polarisation of the scattered beam (note §4.4 step 11): P = p(1 − sin²ψ·sin²2θ) + (1 − p)(1 − cos²ψ·sin²2θ),
/// ψ the azimuth from the horizontal detector axis, p the horizontal fraction (0.5 = unpolarised). The physical
/// correction divides by P (adcorr multiplies; docs/differences-from-reference.md).
/// </summary>
public static class Polarisation
{
    /// <summary>P at 2θ and ψ (radians) for horizontal fraction <paramref name="horizontalFraction"/> (0…1).</summary>
    public static double Factor(double twoThetaRad, double azimuthRad, double horizontalFraction)
    {
        var s2 = Math.Sin(twoThetaRad);
        s2 *= s2;
        var sinPsi = Math.Sin(azimuthRad);
        var cosPsi = Math.Cos(azimuthRad);
        return horizontalFraction * (1 - sinPsi * sinPsi * s2) + (1 - horizontalFraction) * (1 - cosPsi * cosPsi * s2);
    }
}
