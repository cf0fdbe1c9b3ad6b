namespace TomoSaxs.Phantom;

/// <summary>
/// An ellipse in the horizontal (x, z) plane of the sample frame: centre, semi-axes and the angle of the first
/// semi-axis from +x towards +z (radians). Used for the disc outline, the nucleus and the vertebrae.
/// </summary>
/// <param name="CentreX">Centre x, µm.</param>
/// <param name="CentreZ">Centre z, µm.</param>
/// <param name="SemiA">Semi-axis along the orientation direction, µm.</param>
/// <param name="SemiB">Semi-axis perpendicular to it, µm.</param>
/// <param name="OrientationRad">Angle of the first semi-axis from +x towards +z, rad.</param>
internal readonly record struct Ellipse(double CentreX, double CentreZ, double SemiA, double SemiB, double OrientationRad)
{
    /// <summary>Whether (x, z) lies inside (or on) the ellipse.</summary>
    public bool Contains(double x, double z)
    {
        var (u, v) = Local(x, z);
        return u * u / (SemiA * SemiA) + v * v / (SemiB * SemiB) <= 1.0;
    }

    /// <summary>The length of the chord cut by the line through (x, z) along the unit direction (dx, dz), µm (0 if it misses).</summary>
    public double Chord(double x, double z, double dx, double dz)
    {
        var (u, v) = Local(x, z);
        var (du, dv) = Rotate(dx, dz);
        var pu = u / SemiA;
        var pv = v / SemiB;
        var qu = du / SemiA;
        var qv = dv / SemiB;
        var a = qu * qu + qv * qv;
        var b = 2 * (pu * qu + pv * qv);
        var c = pu * pu + pv * pv - 1;
        var discriminant = b * b - 4 * a * c;
        return discriminant <= 0 ? 0.0 : Math.Sqrt(discriminant) / a;
    }

    /// <summary>The point at parameter t: centre + a·cos t·ê_a + b·sin t·ê_b.</summary>
    public (double X, double Z) Point(double t)
    {
        var (u, v) = (SemiA * Math.Cos(t), SemiB * Math.Sin(t));
        return ToFrame(u, v);
    }

    /// <summary>The tangent direction (not normalised) at parameter t.</summary>
    public (double X, double Z) Tangent(double t)
    {
        var (u, v) = (-SemiA * Math.Sin(t), SemiB * Math.Cos(t));
        var (cos, sin) = (Math.Cos(OrientationRad), Math.Sin(OrientationRad));
        return (u * cos - v * sin, u * sin + v * cos);
    }

    private (double U, double V) Local(double x, double z) => Rotate(x - CentreX, z - CentreZ);

    private (double U, double V) Rotate(double x, double z)
    {
        var (cos, sin) = (Math.Cos(OrientationRad), Math.Sin(OrientationRad));
        return (x * cos + z * sin, -x * sin + z * cos);
    }

    private (double X, double Z) ToFrame(double u, double v)
    {
        var (cos, sin) = (Math.Cos(OrientationRad), Math.Sin(OrientationRad));
        return (CentreX + u * cos - v * sin, CentreZ + u * sin + v * cos);
    }
}
