namespace TomoSaxs.FibreModel;

/// <summary>
/// The orientation of a fibre in the lab frame (beam +z, y up = rotation axis), in degrees: α is the polar angle
/// from the vertical axis, β the azimuth about it measured from the beam towards +x. Sample rotation by θ adds
/// s·θ to β (DESIGN §5).
/// </summary>
/// <param name="AlphaDeg">α, the polar angle from the vertical rotation axis, in degrees.</param>
/// <param name="BetaDeg">β, the azimuth about the vertical axis from the beam towards +x, in degrees.</param>
public readonly record struct FibreOrientation(double AlphaDeg, double BetaDeg)
{
    /// <summary>The unit fibre axis in the lab frame, n = (sin α sin β, cos α, sin α cos β).</summary>
    public Vec3 Axis
    {
        get
        {
            var (sa, ca) = Math.SinCos(AlphaDeg * AngleUnits.RadiansPerDegree);
            var (sb, cb) = Math.SinCos(BetaDeg * AngleUnits.RadiansPerDegree);
            return new Vec3(sa * sb, ca, sa * cb);
        }
    }

    /// <summary>
    /// The model azimuth at which an in-plane fibre (n_z = 0) peaks, χ* = atan2(cos α, sin α sin β), in degrees in
    /// (−180, 180]; the second peak is at χ* + 180°. Model convention (χ_pyFAI ≡ −χ_model).
    /// </summary>
    public double InPlanePeakChiDeg
    {
        get
        {
            var n = Axis;
            return Math.Atan2(n.Y, n.X) / AngleUnits.RadiansPerDegree;
        }
    }
}
