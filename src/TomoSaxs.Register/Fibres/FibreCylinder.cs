namespace TomoSaxs.Register.Fibres;

/// <summary>
/// One traced fibre as a straight cylinder in the calibrated CT frame (µm from its top corner: X along columns,
/// Y along rows, Z down the slices), fitted to the fibre's traced voxels (<see cref="FibreCylinderFit"/>). The
/// cylinder carries the fibre's volume and position to a fraction of a voxel, which its voxels alone do not when the
/// fibre is only a few voxels across.
/// </summary>
/// <param name="FibreId">The traced fibre.</param>
/// <param name="CentreUm">A point on the axis (the middle of the traced voxels), µm.</param>
/// <param name="Axis">The unit axis (X, Y, Z).</param>
/// <param name="StartUm">Where the fibre starts along <paramref name="Axis"/> from <paramref name="CentreUm"/>, µm (negative).</param>
/// <param name="EndUm">Where it ends, µm.</param>
/// <param name="RadiusUm">The radius, µm.</param>
/// <param name="VoxelCount">The traced voxels it was fitted to.</param>
public sealed record FibreCylinder(
    int FibreId, (double X, double Y, double Z) CentreUm, (double X, double Y, double Z) Axis,
    double StartUm, double EndUm, double RadiusUm, int VoxelCount)
{
    /// <summary>The length, µm.</summary>
    public double LengthUm => EndUm - StartUm;

    /// <summary>The volume πr²L, µm³.</summary>
    public double VolumeUm3 => Math.PI * RadiusUm * RadiusUm * LengthUm;

    /// <summary>The polar angle α of the axis from the vertical (up = −Z), degrees in [0°, 180°], with β in
    /// [0°, 180°) — the representative the fibre-tracing stacks store.</summary>
    public double AlphaDeg => Angles().Alpha;

    /// <summary>The azimuth β from the row axis (Y) towards the column axis (X), degrees in [0°, 180°).</summary>
    public double BetaDeg => Angles().Beta;

    /// <summary>The depth range (Z) any point of the cylinder reaches, µm.</summary>
    public (double Low, double High) DepthRangeUm
    {
        get
        {
            var (z0, z1) = (CentreUm.Z + StartUm * Axis.Z, CentreUm.Z + EndUm * Axis.Z);
            var spread = RadiusUm * Math.Sqrt(Math.Max(0, 1 - Axis.Z * Axis.Z));
            return (Math.Min(z0, z1) - spread, Math.Max(z0, z1) + spread);
        }
    }

    private (double Alpha, double Beta) Angles()
    {
        var (x, up, y) = (Axis.X, -Axis.Z, Axis.Y);
        var beta = Math.Atan2(x, y) * 180 / Math.PI;
        var alpha = Math.Acos(Math.Clamp(up, -1, 1)) * 180 / Math.PI;
        if (beta < 0)
        {
            beta += 180;
            alpha = 180 - alpha;
        }

        if (beta >= 180)
        {
            beta -= 180;
            alpha = 180 - alpha;
        }

        return (alpha, beta);
    }
}
