namespace TomoSaxs.Register.Rotation;

/// <summary>
/// The sample at one tomoSAXS angle θ, in the horizontal plane. Sample coordinates (u, w) are µm from the tube
/// axis in the calibrated CT frame: u along CT columns (the raster axis at the map angle θ_map), w along CT rows
/// (the beam direction at θ_map). Turning the sample by θ rotates it by φ = s·(θ − θ_map) with s the rotation
/// sign (DESIGN §5): a fibre azimuth β (from the beam towards the raster axis, n = (sin α sin β, cos α,
/// sin α cos β)) becomes β + φ, and the point (u, w) moves to raster coordinate X = u cos φ + w sin φ and beam
/// coordinate Z = −u sin φ + w cos φ — the same rotation, so positions and orientations stay consistent.
/// </summary>
public readonly struct AngleFrame
{
    private readonly double cos;
    private readonly double sin;

    /// <summary>The frame for angle <paramref name="angleDeg"/>.</summary>
    /// <param name="angleDeg">The tomoSAXS angle θ, degrees.</param>
    /// <param name="rotationSign">s = <c>geometry.rotation_sign</c>, +1 or −1.</param>
    /// <param name="mapAngleDeg">The angle θ_map at which the WAXS map (and so the CT orientation) was taken, degrees.</param>
    /// <exception cref="ArgumentOutOfRangeException">The sign is not ±1 or an angle is not finite.</exception>
    public AngleFrame(double angleDeg, int rotationSign, double mapAngleDeg = 0)
    {
        if (rotationSign is not (1 or -1))
        {
            throw new ArgumentOutOfRangeException(nameof(rotationSign), rotationSign, "The rotation sign must be +1 or −1.");
        }

        if (!double.IsFinite(angleDeg) || !double.IsFinite(mapAngleDeg))
        {
            throw new ArgumentOutOfRangeException(nameof(angleDeg), angleDeg, "Angles must be finite.");
        }

        AngleDeg = angleDeg;
        RotationSign = rotationSign;
        MapAngleDeg = mapAngleDeg;
        PhiDeg = rotationSign * (angleDeg - mapAngleDeg);
        (sin, cos) = Math.SinCos(PhiDeg * Math.PI / 180);
    }

    /// <summary>θ, degrees.</summary>
    public double AngleDeg { get; }

    /// <summary>s, ±1.</summary>
    public int RotationSign { get; }

    /// <summary>θ_map, degrees.</summary>
    public double MapAngleDeg { get; }

    /// <summary>φ = s·(θ − θ_map), degrees: what every azimuth gains.</summary>
    public double PhiDeg { get; }

    /// <summary>The lab position of sample point (u, w): X along the raster, Z along the beam, µm.</summary>
    public (double X, double Z) ToLab(double u, double w) => (u * cos + w * sin, -u * sin + w * cos);

    /// <summary>The sample point (u, w) at lab position (X, Z), µm (the inverse of <see cref="ToLab"/>).</summary>
    public (double U, double W) ToSample(double x, double z) => (x * cos - z * sin, x * sin + z * cos);

    /// <summary>The lab azimuth of sample azimuth <paramref name="betaDeg"/>: β + φ in [0°, 360°).</summary>
    public double LabBetaDeg(double betaDeg)
    {
        var beta = (betaDeg + PhiDeg) % 360.0;
        return beta < 0 ? beta + 360.0 : beta;
    }
}
