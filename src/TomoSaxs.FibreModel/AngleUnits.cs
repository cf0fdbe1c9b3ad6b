namespace TomoSaxs.FibreModel;

/// <summary>Degree–radian conversion used at the model's interfaces (degrees outside, radians inside).</summary>
internal static class AngleUnits
{
    /// <summary>π/180, the factor numpy's <c>radians</c> multiplies by; kept identical so that grids built from
    /// degree values give bit-identical Ewald vectors.</summary>
    public const double RadiansPerDegree = Math.PI / 180.0;
}
