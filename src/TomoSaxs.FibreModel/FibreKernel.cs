using System.Runtime.CompilerServices;

namespace TomoSaxs.FibreModel;

/// <summary>
/// One fibre's model, prepared for repeated evaluation: the lab → fibre rotation Q_f = R_x(α)·R_y(β)·Q_lab and
/// the constants of the intermediate model (reference note, amplitudes §2.2–2.3) are computed once, so that the
/// per-point cost is a rotation, two square roots, an arcsine and an exponential, with no allocation.
/// </summary>
public readonly struct FibreKernel
{
    /// <summary>The intensity ceiling of the reference model (MAXVAL), in the model's intensity units.</summary>
    public const double MaxIntensity = 1.0e8;

    // Rotation: R_y(β)(x, y, z) = (x cos β − z sin β, y, x sin β + z cos β), then
    //           R_x(α)(x, y, z) = (x, y cos α + z sin α, −y sin α + z cos α).
    private readonly double cosAlpha;
    private readonly double sinAlpha;
    private readonly double cosBeta;
    private readonly double sinBeta;

    private readonly double q0;
    private readonly double sphereRadius;
    private readonly double inverseWa;
    private readonly double inverseTwoWeSquared;
    private readonly double peak;

    /// <summary>Prepares the model for parameters <paramref name="parameters"/> (validated) and orientation
    /// <paramref name="orientation"/> (α, β in degrees).</summary>
    public FibreKernel(FibreParameters parameters, FibreOrientation orientation)
    {
        parameters.Validate();
        if (!double.IsFinite(orientation.AlphaDeg) || !double.IsFinite(orientation.BetaDeg))
        {
            throw new ArgumentException($"The orientation must be finite (α = {orientation.AlphaDeg}°, β = {orientation.BetaDeg}°).", nameof(orientation));
        }

        Parameters = parameters;
        Orientation = orientation;
        var alpha = orientation.AlphaDeg * AngleUnits.RadiansPerDegree;
        var beta = orientation.BetaDeg * AngleUnits.RadiansPerDegree;
        cosAlpha = Math.Cos(alpha);
        sinAlpha = Math.Sin(alpha);
        cosBeta = Math.Cos(beta);
        sinBeta = Math.Sin(beta);

        q0 = parameters.Q0;
        sphereRadius = parameters.Q0 / parameters.Delta;
        var we = parameters.Q0 * Math.Tan(parameters.WMu);
        inverseWa = 1.0 / parameters.Wa;
        inverseTwoWeSquared = 1.0 / (2.0 * we * we);
        // Product of the two 1-D normalisations 1/(√(2π)·wa) and 1/(√(2π)·w_E).
        peak = 1.0 / (2.0 * Math.PI * parameters.Wa * we);
    }

    /// <summary>The parameters this kernel evaluates.</summary>
    public FibreParameters Parameters { get; }

    /// <summary>The orientation this kernel evaluates (degrees).</summary>
    public FibreOrientation Orientation { get; }

    /// <summary>The lab-frame vector <paramref name="lab"/> (nm⁻¹) expressed in the fibre frame (nm⁻¹), where the
    /// fibre axis is +y.</summary>
    public Vec3 ToFibreFrame(Vec3 lab)
    {
        Rotate(lab.X, lab.Y, lab.Z, out var x, out var y, out var z);
        return new Vec3(x, y, z);
    }

    /// <summary>The intensity at lab-frame vector <paramref name="lab"/> (nm⁻¹), in the model's units (nm², the
    /// reciprocal of the two normalising widths).</summary>
    public double IntensityAtLab(Vec3 lab) => IntensityAtLab(lab.X, lab.Y, lab.Z);

    /// <summary>The intensity at the lab-frame vector (qx, qy, qz) in nm⁻¹.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double IntensityAtLab(double qx, double qy, double qz)
    {
        Rotate(qx, qy, qz, out var x, out var y, out var z);
        return IntensityAtFibre(x, y, z);
    }

    /// <summary>
    /// The intensity at fibre-frame vector (x, y, z) in nm⁻¹ (§2.3). The reflection sphere of radius R = q0/δ
    /// passes through the poles (0, ±q0, 0) with its centre on the far side of the origin, C = (0, ±(q0 − R), 0);
    /// a = R·arcsin(ρ/d_C) is the arc length from the pole and d = |d_C − R| the distance from the sphere, so
    /// I = exp(−a²/2w_E²) / [2π·wa·w_E·(1 + (d/wa)²)], clipped at <see cref="MaxIntensity"/>; I(0) = 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double IntensityAtFibre(double x, double y, double z)
    {
        var rho2 = x * x + z * z;
        if (rho2 + y * y == 0.0)
        {
            return 0.0;
        }

        // The reference picks the sphere of the hemisphere containing the point; y = 0 goes to the lower one.
        var centreY = y > 0.0 ? q0 - sphereRadius : sphereRadius - q0;
        var dy = y - centreY;
        var distanceToCentre = Math.Sqrt(rho2 + dy * dy);
        // ρ ≤ d_C mathematically; clamping guards the arcsine against a last-bit excess at the sphere's equator,
        // where the reference would produce NaN (and then the clip value) instead of the limit π/2.
        var sinAngle = distanceToCentre > 0.0 ? Math.Min(Math.Sqrt(rho2) / distanceToCentre, 1.0) : 0.0;
        var arc = sphereRadius * Math.Asin(sinAngle);
        var across = (distanceToCentre - sphereRadius) * inverseWa;
        var intensity = Math.Exp(-arc * arc * inverseTwoWeSquared) * peak / (1.0 + across * across);
        return intensity < MaxIntensity ? intensity : MaxIntensity;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Rotate(double qx, double qy, double qz, out double x, out double y, out double z)
    {
        var x1 = qx * cosBeta - qz * sinBeta;
        var z1 = qx * sinBeta + qz * cosBeta;
        x = x1;
        y = qy * cosAlpha + z1 * sinAlpha;
        z = -qy * sinAlpha + z1 * cosAlpha;
    }
}
