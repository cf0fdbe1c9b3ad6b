namespace TomoSaxs.Integration;

/// <summary>
/// Small numerical rules of pyFAI 0.21.3 that decide bin edges and ranges, reproduced literally.
/// </summary>
internal static class PyFaiRules
{
    /// <summary>pyFAI's EPS32 = 1 + float32 machine epsilon (2⁻²³).</summary>
    public const double Eps32 = 1.0 + 1.1920928955078125e-07;

    /// <summary>pyFAI's <c>pi</c> in regrid_common.pxi is a C float: π rounded to float32, widened.</summary>
    public const double PiFloat32 = (float)Math.PI;

    /// <summary>
    /// <c>calc_upper_bound</c>: the exclusive upper edge of the last bin is the requested maximum pushed outward by
    /// one float32 epsilon (multiplied for a positive maximum, divided for a negative one), so that a pixel exactly at
    /// the maximum still falls inside.
    /// </summary>
    public static double CalcUpperBound(double maximum) => maximum > 0 ? maximum * Eps32 : maximum / Eps32;

    /// <summary>
    /// <c>pyFAI.utils.mathutil.deg2rad</c>: degrees to radians in [−π, π) when the discontinuity is at π, else
    /// [0, 2π); uses Python's floor-modulo.
    /// </summary>
    public static double Deg2Rad(double degrees, bool discontinuityAtPi)
    {
        var rp = PythonModulo(degrees / 180.0, 2.0);
        if (discontinuityAtPi && rp >= 1.0)
        {
            rp -= 2.0;
        }

        return rp * Math.PI;
    }

    /// <summary>
    /// pyFAI's azimuth range handling (<c>normalize_azimuth_range</c> in 1-D, the inline copy in
    /// <c>integrate2d_ng</c>): both ends through <see cref="Deg2Rad"/>, then 2π added to the upper end when it does
    /// not exceed the lower one. A range crossing the discontinuity leaves its far part outside every pixel's χ, and
    /// those bins stay empty (pyFAI only warns).
    /// </summary>
    public static (double Lower, double Upper) AzimuthRangeRadians(ValueRange degrees, bool discontinuityAtPi)
    {
        var lower = Deg2Rad(degrees.Lower, discontinuityAtPi);
        var upper = Deg2Rad(degrees.Upper, discontinuityAtPi);
        if (upper <= lower)
        {
            upper += 2 * Math.PI;
        }

        return (lower, upper);
    }

    /// <summary>numpy.linspace(start, stop, count): start + i·step, the last value set to stop.</summary>
    public static double[] Linspace(double start, double stop, int count)
    {
        var values = new double[count];
        if (count == 1)
        {
            values[0] = start;
            return values;
        }

        var step = (stop - start) / (count - 1);
        for (var i = 0; i < count; i++)
        {
            values[i] = i * step + start;
        }

        values[count - 1] = stop;
        return values;
    }

    /// <summary>Python's float modulo: the result takes the sign of the divisor.</summary>
    public static double PythonModulo(double x, double y)
    {
        var mod = x % y;
        if (mod != 0)
        {
            if ((y < 0) != (mod < 0))
            {
                mod += y;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, y);
        }

        return mod;
    }
}
