namespace TomoSaxs.Geometry;

/// <summary>Which azimuth χ a quantity is expressed in.</summary>
public enum AzimuthConvention
{
    /// <summary>
    /// pyFAI's χ = atan2(t1, t2) in [−π, π] (discontinuity at π): 0 towards increasing column, +90° towards
    /// increasing row, i.e. clockwise on a display with row 0 at the top.
    /// </summary>
    PyFai,

    /// <summary>
    /// The pipeline's χ = (−χ_pyFAI) mod 360° in [0, 2π) (discontinuity at 0, DESIGN §5, integration note §2.3):
    /// 0 towards increasing column, 90° towards row 0 ("up"), anticlockwise. The analysed half is [90°, 270°).
    /// </summary>
    Pipeline,
}

/// <summary>Conversions between the two azimuth conventions.</summary>
public static class AzimuthAngles
{
    private const double TwoPi = 2.0 * Math.PI;

    /// <summary>χ_pipeline = (−χ_pyFAI) mod 2π, in [0, 2π). Both in radians.</summary>
    /// <param name="chiPyFaiRad">pyFAI azimuth, rad.</param>
    public static double PipelineFromPyFai(double chiPyFaiRad)
    {
        var negated = -chiPyFaiRad;
        var wrapped = negated - TwoPi * Math.Floor(negated / TwoPi);
        // Rounding can land exactly on 2π for a tiny positive χ_pyFAI; that direction is 0.
        return wrapped >= TwoPi ? 0.0 : wrapped;
    }

    /// <summary>χ_pipeline = (−χ_pyFAI) mod 360°, in [0°, 360°). Both in degrees.</summary>
    /// <param name="chiPyFaiDeg">pyFAI azimuth, degrees.</param>
    public static double PipelineFromPyFaiDegrees(double chiPyFaiDeg)
    {
        var negated = -chiPyFaiDeg;
        var wrapped = negated - 360.0 * Math.Floor(negated / 360.0);
        return wrapped >= 360.0 ? 0.0 : wrapped;
    }
}
