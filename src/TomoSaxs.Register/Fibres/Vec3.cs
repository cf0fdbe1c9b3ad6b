namespace TomoSaxs.Register.Fibres;

/// <summary>A 3-vector (X along CT columns, Y along rows, Z down the slices) for the fibre cylinders' geometry.</summary>
internal readonly record struct Vec3(double X, double Y, double Z)
{
    public Vec3((double X, double Y, double Z) v)
        : this(v.X, v.Y, v.Z)
    {
    }

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);

    public static double Dot(Vec3 a, Vec3 b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    public static Vec3 Cross(Vec3 a, Vec3 b) => new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    public Vec3 Normalised() => (1 / Math.Sqrt(Dot(this, this))) * this;

    /// <summary>Two unit vectors perpendicular to this unit axis and to each other.</summary>
    public (Vec3 E1, Vec3 E2) Perpendiculars()
    {
        var helper = Math.Abs(X) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0);
        var e1 = Cross(this, helper).Normalised();
        return (e1, Cross(this, e1));
    }
}
