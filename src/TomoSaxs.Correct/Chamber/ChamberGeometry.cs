namespace TomoSaxs.Correct.Chamber;

/// <summary>
/// The inner (liquid) chord of the chamber along a beam at lateral offset δ from the chamber's centre, µm
/// (note §5 physical mode 2–3). A tube: L_in = 2·sqrt(R_i² − δ²) inside R_i = outer radius − wall, else 0. A
/// cuboid: its inner path along the beam at every offset. No chamber: 0 (nothing to displace). Only a tube has an
/// outside.
/// </summary>
/// <param name="Kind">The chamber.</param>
/// <param name="InnerRadiusUm">Tube inner radius R_i, or half the cuboid's inner width across the raster, µm.</param>
/// <param name="CuboidPathUm">The cuboid's inner path along the beam, µm (unused for the others).</param>
public sealed record ChamberGeometry(ChamberKind Kind, double InnerRadiusUm, double CuboidPathUm)
{
    /// <summary>A Kapton tube of outer diameter and wall (µm).</summary>
    public static ChamberGeometry Tube(double outerDiameterUm, double wallUm) =>
        new(ChamberKind.KaptonTube, outerDiameterUm / 2 - wallUm, 0);

    /// <summary>The liquid chord at offset δ (µm), µm.</summary>
    public double InnerChordUm(double offsetUm) => Kind switch
    {
        ChamberKind.KaptonTube => Math.Abs(offsetUm) < InnerRadiusUm ? 2 * Math.Sqrt(InnerRadiusUm * InnerRadiusUm - offsetUm * offsetUm) : 0,
        ChamberKind.KaptonCuboid => CuboidPathUm,
        _ => 0,
    };

    /// <summary>Whether a beam at offset δ (µm) passes inside the chamber: within R_i of a tube's axis; always for a
    /// cuboid (matched by motor x, its walls are not located: frames beside it are recognised by their zero
    /// thickness) and without a chamber.</summary>
    public bool Contains(double offsetUm) => Kind != ChamberKind.KaptonTube || Math.Abs(offsetUm) < InnerRadiusUm;
}
