namespace TomoSaxs.Correct.Chamber;

/// <summary>The sample environment (the reference GUI's "-ENVITYPE-").</summary>
public enum ChamberKind
{
    /// <summary>A cylindrical Kapton tube: the liquid chord 2·sqrt(R_i² − δ²) depends on the offset δ from its axis.</summary>
    KaptonTube,

    /// <summary>A Kapton cuboid: the same liquid path at every offset inside its inner width.</summary>
    KaptonCuboid,

    /// <summary>No chamber: the sample in air, no liquid to displace.</summary>
    None,
}
