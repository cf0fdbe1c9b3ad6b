namespace TomoSaxs.FibreModel;

/// <summary>
/// Maps a detector point (q, χ) to the reciprocal-space vector it samples on the Ewald sphere (reference note,
/// amplitudes §2.1): with k = 2π/λ and s = q·√(1 − (q/2k)²), Q_lab = (s cos χ, s sin χ, +q²/2k).
/// χ is the model azimuth (from +x towards +y in the detector plane; χ_pyFAI ≡ −χ_model).
/// </summary>
public static class EwaldSphere
{
    /// <summary>The Ewald-sphere radius k = 2π/λ, in nm⁻¹, for a wavelength in nm.</summary>
    public static double WaveNumber(double wavelengthNm)
    {
        if (!(wavelengthNm > 0) || !double.IsFinite(wavelengthNm))
        {
            throw new ArgumentOutOfRangeException(nameof(wavelengthNm), wavelengthNm, "The wavelength must be a finite positive value in nm.");
        }

        return 2.0 * Math.PI / wavelengthNm;
    }

    /// <summary>
    /// The lab-frame scattering vector Q_lab, in nm⁻¹, sampled at scattering vector magnitude <paramref name="qNm"/>
    /// (nm⁻¹, 0 ≤ q ≤ 2k) and model azimuth <paramref name="chiDeg"/> (degrees) for wavelength
    /// <paramref name="wavelengthNm"/> (nm). The z component (≈ 5.6×10⁻⁴ nm⁻¹ at the collagen 3rd order) keeps its
    /// sign: it points along the beam.
    /// </summary>
    public static Vec3 Sample(double qNm, double chiDeg, double wavelengthNm)
    {
        var k = WaveNumber(wavelengthNm);
        CheckQ(qNm, k);
        var (s, qz) = InPlaneAndAxial(qNm, k);
        var chi = chiDeg * AngleUnits.RadiansPerDegree;
        return new Vec3(s * Math.Cos(chi), s * Math.Sin(chi), qz);
    }

    /// <summary>The in-plane magnitude s = q·√(1 − (q/2k)²) and the axial component q²/2k, both in nm⁻¹.</summary>
    internal static (double InPlane, double Axial) InPlaneAndAxial(double q, double k)
    {
        var ratio = q / (2.0 * k);
        return (q * Math.Sqrt(1.0 - ratio * ratio), q * q / (2.0 * k));
    }

    internal static void CheckQ(double q, double k)
    {
        if (!(q >= 0) || !(q <= 2.0 * k))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q,
                $"q must lie in [0, 2k] = [0, {2.0 * k}] nm⁻¹ to be on the Ewald sphere.");
        }
    }
}
