namespace TomoSaxs.Phantom;

/// <summary>
/// The isotropic scattering forms of the phantom's non-fibre materials, per µm of path (air: per frame), in the
/// fibre model's intensity units, and the Beer–Lambert transmission. q in nm⁻¹.
/// </summary>
internal static class ScatteringForms
{
    /// <summary>Kapton: σ_k(q) = A/(1 + (q/q_k)²)² + B, per µm.</summary>
    public static double Kapton(KaptonScattering k, double q)
    {
        var x = q / k.QNm;
        var d = 1 + x * x;
        return k.A / (d * d) + k.B;
    }

    /// <summary>Buffer: σ_b(q) = c0 + c1·q², per µm.</summary>
    public static double Buffer(BufferScattering b, double q) => b.C0 + b.C1 * q * q;

    /// <summary>Diffuse tissue: σ_s(q) = A/(1 + (q/q_s)²), per µm.</summary>
    public static double Tissue(TissueScattering s, double q)
    {
        var x = q / s.QNm;
        return s.A / (1 + x * x);
    }

    /// <summary>Air and instrument: σ_air(q) = a0 + a1·exp(−q/q_a), per frame.</summary>
    public static double Air(AirScattering a, double q) => a.A0 + a.A1 * Math.Exp(-q / a.QNm);

    /// <summary>T = exp(−(μ_k·L_k + μ_b·L_b + μ_s·L_s + μ_bone·L_bone)) with μ in mm⁻¹ and L in µm.</summary>
    public static double Transmission(Attenuation mu, PathLengths paths) =>
        Math.Exp(-(mu.Kapton * paths.Kapton + mu.Buffer * paths.Buffer + mu.Tissue * paths.Tissue + mu.Bone * paths.Bone) / 1000.0);
}
