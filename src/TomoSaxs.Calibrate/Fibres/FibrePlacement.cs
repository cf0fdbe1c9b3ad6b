using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Fibres;

/// <summary>
/// The fibre volumes in the calibrated frame: a grid of fibre voxels starting at the combined CT's corner and
/// covering its extent, with the traced volume copied in at a whole-voxel shift (labels and angles are never
/// interpolated). The shift is the traced corner's position rounded to fibre voxels; what rounding leaves is
/// kept as <see cref="ResidualUm"/> so later stages can work in exact µm.
/// </summary>
/// <param name="FibreVoxelUm">The fibre voxel edge, µm.</param>
/// <param name="Shape">The calibrated fibre volume's shape.</param>
/// <param name="Shift">Where the traced voxel (0, 0, 0) lands, fibre voxels (z, y, x); may be negative (cropped).</param>
/// <param name="CornerUm">The traced volume's first corner in the calibrated frame, µm (exact).</param>
public sealed record FibrePlacement(double FibreVoxelUm, VolumeShape Shape, (int Z, int Y, int X) Shift, (double Z, double Y, double X) CornerUm)
{
    /// <summary>The exact corner minus the whole-voxel shift, µm (each within ±½ fibre voxel).</summary>
    public (double Z, double Y, double X) ResidualUm =>
        (CornerUm.Z - Shift.Z * FibreVoxelUm, CornerUm.Y - Shift.Y * FibreVoxelUm, CornerUm.X - Shift.X * FibreVoxelUm);

    /// <summary>
    /// Plans the placement from the fibre frame, the high-res position in the low-res CT and the combined CT's
    /// shape and voxel (the calibrated frame).
    /// </summary>
    public static FibrePlacement Plan(FibreFrame frame, Offset3 highResOffset, double commonVoxelUm, VolumeShape combinedShape)
    {
        combinedShape.RequireNonEmpty("The combined CT");
        var fv = frame.FibreVoxelUm;
        var corner = (
            highResOffset.Z * commonVoxelUm + frame.OriginUm.Z,
            highResOffset.Y * commonVoxelUm + frame.OriginUm.Y,
            highResOffset.X * commonVoxelUm + frame.OriginUm.X);
        int Round(double um) => (int)Math.Round(um / fv, MidpointRounding.AwayFromZero);
        int Count(int n) => (int)Math.Ceiling(n * commonVoxelUm / fv * (1 - 1e-12));
        var shape = new VolumeShape(Count(combinedShape.Depth), Count(combinedShape.Height), Count(combinedShape.Width));
        return new FibrePlacement(fv, shape, (Round(corner.Item1), Round(corner.Item2), Round(corner.Item3)), corner);
    }
}
