namespace TomoSaxs.Register.Tests.Support;

/// <summary>Analytic chord lengths (µm) of straight beams through circles, annuli and ellipses.</summary>
internal static class Chords
{
    /// <summary>The chord of a disc of radius r at lateral distance d from its centre.</summary>
    public static double Disc(double r, double d) => Math.Abs(d) < r ? 2 * Math.Sqrt(r * r - d * d) : 0;

    /// <summary>The Kapton chord of a tube (outer radius R, inner r) at lateral distance d.</summary>
    public static double Annulus(double outer, double inner, double d) => Disc(outer, d) - Disc(inner, d);

    /// <summary>
    /// The chord of the ellipse {p : ((p − c)·e1/a)² + ((p − c)·e2/b)² ≤ 1} (e1 at angle <paramref name="tilt"/>
    /// from the first axis) along the line p0 + t·dir (dir a unit vector), in the same units.
    /// </summary>
    public static double Ellipse((double U, double W) centre, double a, double b, double tilt, (double U, double W) p0, (double U, double W) dir)
    {
        var (c, s) = (Math.Cos(tilt), Math.Sin(tilt));
        // Coordinates along the ellipse axes.
        double A1(double u, double w) => (u * c + w * s) / a;
        double A2(double u, double w) => (-u * s + w * c) / b;
        var (q1, q2) = (A1(p0.U - centre.U, p0.W - centre.W), A2(p0.U - centre.U, p0.W - centre.W));
        var (d1, d2) = (A1(dir.U, dir.W), A2(dir.U, dir.W));
        var qa = d1 * d1 + d2 * d2;
        var qb = 2 * (q1 * d1 + q2 * d2);
        var qc = q1 * q1 + q2 * q2 - 1;
        var discriminant = qb * qb - 4 * qa * qc;
        return discriminant > 0 ? Math.Sqrt(discriminant) / qa : 0;
    }

    /// <summary>f convolved with a normalised Gaussian beam of standard deviation sigma, at x (trapezoid, 0.5 µm).</summary>
    public static double BeamAverage(Func<double, double> f, double x, double sigma)
    {
        double sum = 0, weight = 0;
        for (var t = -5 * sigma; t <= 5 * sigma; t += 0.5)
        {
            var g = Math.Exp(-t * t / (2 * sigma * sigma));
            sum += g * f(x + t);
            weight += g;
        }

        return sum / weight;
    }
}
