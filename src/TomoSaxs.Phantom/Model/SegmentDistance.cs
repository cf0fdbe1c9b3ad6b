namespace TomoSaxs.Phantom;

/// <summary>Closest distances between points and straight segments in 3-D (Ericson, Real-Time Collision Detection §5.1).</summary>
internal static class SegmentDistance
{
    /// <summary>The distance between segments p0→p1 and q0→q1.</summary>
    public static double Between(
        (double X, double Y, double Z) p0, (double X, double Y, double Z) p1,
        (double X, double Y, double Z) q0, (double X, double Y, double Z) q1)
    {
        var d1 = Sub(p1, p0);
        var d2 = Sub(q1, q0);
        var r = Sub(p0, q0);
        var a = Dot(d1, d1);
        var e = Dot(d2, d2);
        var f = Dot(d2, r);
        double s, t;
        var c = Dot(d1, r);
        var b = Dot(d1, d2);
        var denominator = a * e - b * b;
        s = denominator > 1e-12 * a * e ? Math.Clamp((b * f - c * e) / denominator, 0, 1) : 0;
        t = (b * s + f) / e;
        if (t < 0)
        {
            t = 0;
            s = Math.Clamp(-c / a, 0, 1);
        }
        else if (t > 1)
        {
            t = 1;
            s = Math.Clamp((b - c) / a, 0, 1);
        }

        var closestP = (p0.X + d1.X * s, p0.Y + d1.Y * s, p0.Z + d1.Z * s);
        var closestQ = (q0.X + d2.X * t, q0.Y + d2.Y * t, q0.Z + d2.Z * t);
        var gap = Sub(closestP, closestQ);
        return Math.Sqrt(Dot(gap, gap));
    }

    private static (double X, double Y, double Z) Sub((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        (a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    private static double Dot((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        a.X * b.X + a.Y * b.Y + a.Z * b.Z;
}
