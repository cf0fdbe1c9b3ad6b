namespace TomoSaxs.FibreModel;

/// <summary>
/// A reciprocal-space or direction vector in a right-handed frame. In the lab frame the beam runs along +z and
/// y is up (the rotation axis); in the fibre frame the fibre axis is +y. Components carry the unit of the
/// quantity (nm⁻¹ for scattering vectors, dimensionless for directions).
/// </summary>
/// <param name="X">x component.</param>
/// <param name="Y">y component.</param>
/// <param name="Z">z component.</param>
public readonly record struct Vec3(double X, double Y, double Z)
{
    /// <summary>The Euclidean length, in the unit of the components.</summary>
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);
}
