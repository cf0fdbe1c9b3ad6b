namespace TomoSaxs.Correct.Detector;

/// <summary>Solid angle of a flat, untilted pixel relative to the beam-centre pixel (note §4.4 step 10): cos³ 2θ;
/// the intensity is divided by it.</summary>
public static class SolidAngle
{
    /// <summary>cos³ 2θ for <paramref name="twoThetaRad"/> in radians.</summary>
    public static double Factor(double twoThetaRad)
    {
        var c = Math.Cos(twoThetaRad);
        return c * c * c;
    }
}
