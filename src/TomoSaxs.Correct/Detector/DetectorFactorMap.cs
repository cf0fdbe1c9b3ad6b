namespace TomoSaxs.Correct.Detector;

/// <summary>
/// The per-pixel factors of a rectangle of the detector, computed once per slice (note §7): the geometric gain
/// G = 1/(E·cos³2θ·P) of the enabled corrections (flat field 1) and sec 2θ for the per-frame self-absorption factor.
/// Pixel order is row-major over the rectangle.
/// </summary>
public sealed class DetectorFactorMap
{
    private DetectorFactorMap(double[] gain, double[] secTwoTheta, bool selfAbsorption)
    {
        Gain = gain;
        SecTwoTheta = secTwoTheta;
        HasSelfAbsorption = selfAbsorption;
    }

    /// <summary>G per pixel (dimensionless).</summary>
    public double[] Gain { get; }

    /// <summary>1/cos 2θ per pixel.</summary>
    public double[] SecTwoTheta { get; }

    /// <summary>Whether <see cref="ApplySelfAbsorption"/> applies a factor (else it writes ones).</summary>
    public bool HasSelfAbsorption { get; }

    /// <summary>The factors from 2θ and azimuth ψ (radians, from the horizontal axis) per pixel.</summary>
    public static DetectorFactorMap Create(ReadOnlySpan<double> twoThetaRad, ReadOnlySpan<double> azimuthRad, DetectorCorrections corrections)
    {
        if (twoThetaRad.Length != azimuthRad.Length)
        {
            throw new ArgumentException($"{twoThetaRad.Length} 2θ values but {azimuthRad.Length} azimuths.");
        }

        var gain = new double[twoThetaRad.Length];
        var sec = new double[twoThetaRad.Length];
        for (var i = 0; i < gain.Length; i++)
        {
            var twoTheta = twoThetaRad[i];
            sec[i] = 1 / Math.Cos(twoTheta);
            var g = 1.0;
            if (corrections.SensorEfficiency)
            {
                g /= SensorEfficiency.Efficiency(corrections.SensorMuTimesThickness, sec[i]);
            }

            if (corrections.SolidAngle)
            {
                g /= SolidAngle.Factor(twoTheta);
            }

            if (corrections.Polarisation)
            {
                g /= Polarisation.Factor(twoTheta, azimuthRad[i], corrections.PolarisationFraction);
            }

            gain[i] = g;
        }

        return new DetectorFactorMap(gain, sec, corrections.SelfAbsorption);
    }

    /// <summary>Multiplies <paramref name="values"/> by the self-absorption factor at transmission T (no-op when off).</summary>
    public void ApplySelfAbsorption(Span<double> values, double transmission)
    {
        if (!HasSelfAbsorption)
        {
            return;
        }

        var log = Math.Log(transmission);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= SelfAbsorption.FactorFromLog(log, SecTwoTheta[i] - 1);
        }
    }
}
