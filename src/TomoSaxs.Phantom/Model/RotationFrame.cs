namespace TomoSaxs.Phantom;

/// <summary>
/// The sample at one rotation angle θ. The sample turns about the vertical axis (the SAXS rotation axis, origin
/// of the sample frame) by φ = s·θ, so a fibre azimuth β becomes β + s·θ (DESIGN §5) and a point (x, z) of the
/// sample frame lies at lab x = x·cos φ + z·sin φ (the raster axis) and lab z = −x·sin φ + z·cos φ (along the beam).
/// </summary>
internal readonly struct RotationFrame
{
    private readonly double cos;
    private readonly double sin;

    /// <summary>The frame for angle <paramref name="angleDeg"/> (degrees) and rotation sign <paramref name="sign"/> (±1).</summary>
    public RotationFrame(double angleDeg, int sign)
    {
        AngleDeg = angleDeg;
        PhiDeg = sign * angleDeg;
        (sin, cos) = Math.SinCos(PhiDeg * Math.PI / 180.0);
    }

    /// <summary>θ, degrees.</summary>
    public double AngleDeg { get; }

    /// <summary>φ = s·θ, degrees: what is added to every azimuth β.</summary>
    public double PhiDeg { get; }

    /// <summary>The lab x (raster axis) of sample point (x, z), µm.</summary>
    public double LabX(double x, double z) => x * cos + z * sin;

    /// <summary>The lab x component of a sample-frame direction (dx, dz).</summary>
    public double LabXDirection(double dx, double dz) => dx * cos + dz * sin;

    /// <summary>The sample-frame point (x, z) where the beam at lateral lab position <paramref name="u"/> is at depth <paramref name="depth"/> along the beam.</summary>
    public (double X, double Z) SamplePoint(double u, double depth) => (u * cos - depth * sin, u * sin + depth * cos);

    /// <summary>The beam direction (+lab z) in the sample frame.</summary>
    public (double X, double Z) BeamDirection => (-sin, cos);

    /// <summary>The lab azimuth of a fibre whose sample-frame azimuth is <paramref name="betaDeg"/>, in [0°, 360°).</summary>
    public double LabBetaDeg(double betaDeg)
    {
        var beta = (betaDeg + PhiDeg) % 360.0;
        return beta < 0 ? beta + 360.0 : beta;
    }
}
