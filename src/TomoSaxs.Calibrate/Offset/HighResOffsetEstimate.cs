using TomoSaxs.Calibrate.Estimates;

namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// Where the high-res CT lies inside the low-res CT, both at the common voxel size: the high-res voxel t
/// matches the low-res voxel t + <see cref="Voxels"/>, i.e. the high-res volume's first corner sits at
/// <see cref="Voxels"/>·<see cref="CommonVoxelUm"/> in the low-res frame.
/// </summary>
/// <param name="Voxels">The offset (z, row, col) in common voxels, sub-voxel when refined.</param>
/// <param name="CommonVoxelUm">The common voxel edge, µm.</param>
/// <param name="Ncc">Zero-mean NCC between the high-res block and the low-res volume at the integer peak (−1…1).</param>
/// <param name="PeakToSecond">Coarse correlation peak over the best value elsewhere (NaN when pinned).</param>
/// <param name="Source">Estimated or pinned.</param>
/// <param name="MinimumNcc">The NCC below which the offset is flagged.</param>
public sealed record HighResOffsetEstimate(Offset3 Voxels, double CommonVoxelUm, double Ncc, double PeakToSecond, EstimateSource Source, double MinimumNcc)
{
    /// <summary>The offset in µm, (z, y, x).</summary>
    public (double Z, double Y, double X) Um => (Voxels.Z * CommonVoxelUm, Voxels.Y * CommonVoxelUm, Voxels.X * CommonVoxelUm);

    /// <summary>Whether the data support the offset: NCC at least <see cref="MinimumNcc"/>.</summary>
    public bool IsReliable => Ncc >= MinimumNcc;
}
