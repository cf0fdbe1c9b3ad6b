using TomoSaxs.FibreModel;

namespace TomoSaxs.Phantom;

/// <summary>
/// One collagen fibre segment of the phantom: a straight cylinder in the sample frame (µm) with its nanoscale
/// parameters. The axis is stored as the representative with azimuth β ∈ [0°, 180°) (a fibre and its reverse
/// scatter identically), which is also what the 8-bit fibre-tracing stacks can hold.
/// </summary>
/// <param name="Number">Position in the fibre table (0-based; the design-matrix column of later stages).</param>
/// <param name="Id">Fibre id as written in the fibre-tracing index stack (1…65535, not contiguous).</param>
/// <param name="Lamella">The lamella the segment belongs to (0 = innermost).</param>
/// <param name="CentreX">Centre x, µm.</param>
/// <param name="CentreH">Centre height above the lower endplate, µm.</param>
/// <param name="CentreZ">Centre z, µm.</param>
/// <param name="AlphaDeg">α, polar angle of the axis from the vertical, degrees.</param>
/// <param name="BetaDeg">β, azimuth of the axis about the vertical from +z towards +x at θ = 0, degrees in [0, 180).</param>
/// <param name="LengthUm">Length, µm.</param>
/// <param name="RadiusUm">Radius, µm.</param>
/// <param name="Parameters">q0 (nm⁻¹), wa (nm⁻¹), wMu (rad), δ.</param>
/// <param name="Amplitude">Scattering amplitude (dimensionless).</param>
public sealed record FibreSegment(
    int Number, int Id, int Lamella,
    double CentreX, double CentreH, double CentreZ,
    double AlphaDeg, double BetaDeg, double LengthUm, double RadiusUm,
    FibreParameters Parameters, double Amplitude)
{
    /// <summary>The unit axis (x, h, z) = (sin α sin β, cos α, sin α cos β).</summary>
    public (double X, double H, double Z) Axis
    {
        get
        {
            var (sa, ca) = Math.SinCos(AlphaDeg * Math.PI / 180.0);
            var (sb, cb) = Math.SinCos(BetaDeg * Math.PI / 180.0);
            return (sa * sb, ca, sa * cb);
        }
    }

    /// <summary>The end at −length/2 along the axis, µm.</summary>
    public (double X, double H, double Z) Start
    {
        get
        {
            var (ax, ah, az) = Axis;
            return (CentreX - ax * LengthUm / 2, CentreH - ah * LengthUm / 2, CentreZ - az * LengthUm / 2);
        }
    }

    /// <summary>The D-period 6π/q0, nm.</summary>
    public double DPeriodNm => Parameters.DPeriodNm;

    /// <summary>Lowest and highest height any point of the cylinder reaches, µm.</summary>
    public (double Low, double High) HeightRange
    {
        get
        {
            var (_, ah, _) = Axis;
            var half = Math.Abs(ah) * LengthUm / 2 + RadiusUm * Math.Sqrt(Math.Max(0, 1 - ah * ah));
            return (CentreH - half, CentreH + half);
        }
    }
}
