using TomoSaxs.Calibrate.Estimates;

namespace TomoSaxs.Register.Vertical;

/// <summary>
/// How the SAXS raster's motor coordinates map onto the calibrated CT (registration note §4, §5.2, §9): the
/// CT height coordinate z_ct = sense·(y − <see cref="OffsetUm"/>) and the CT column coordinate
/// x_ct = x − <see cref="LateralOffsetUm"/>, in µm, with the CT frame's corner at 0.
/// </summary>
/// <param name="OffsetUm">The motor y (µm) level with the top corner (z = 0) of the calibrated CT:
/// <c>register.vertical_offset_um</c>.</param>
/// <param name="LateralOffsetUm">The motor x (µm) level with the CT map's first column edge (at the map angle).</param>
/// <param name="VerticalSense">+1 if larger y is larger CT z, else −1.</param>
/// <param name="Ncc">Signed NCC between the WAXS map and the CT map averaged over the beam footprints, at the match.</param>
/// <param name="PeakToSecond">|NCC| at the match over the best |NCC| at another vertical offset (a local maximum at
/// least one WAXS step away, best over x); near 1 means another height fits as well (NaN when pinned).</param>
/// <param name="OverlapPixels">WAXS pixels lying wholly on the CT map at the match.</param>
/// <param name="Source">Estimated or pinned.</param>
/// <param name="MinimumNcc">The |NCC| below which the match is flagged.</param>
public sealed record VerticalMatch(double OffsetUm, double LateralOffsetUm, int VerticalSense, double Ncc, double PeakToSecond, int OverlapPixels, EstimateSource Source, double MinimumNcc)
{
    /// <summary>Whether the maps support the match.</summary>
    public bool IsReliable => Math.Abs(Ncc) >= MinimumNcc;

    /// <summary>The CT height coordinate (µm from the calibrated CT's top corner) of motor y <paramref name="yUm"/>.</summary>
    public double CtZUm(double yUm) => VerticalSense * (yUm - OffsetUm);

    /// <summary>The motor y (µm) of CT height <paramref name="zUm"/> (e.g. a fiducial's row × voxel).</summary>
    public double MotorYUm(double zUm) => OffsetUm + VerticalSense * zUm;
}
