namespace TomoSaxs.Register.Gridding;

/// <summary>
/// One fibre in one beam path (and along-beam voxel) at one angle and slice: how much of it the beam sees and
/// its orientation in the lab frame at that angle.
/// </summary>
/// <param name="Path">The beam path: the raster position (frame) index.</param>
/// <param name="AlongBeam">The along-beam voxel, 0 at the upstream end of the window; −1 when summed over the path.</param>
/// <param name="FibreId">The traced fibre.</param>
/// <param name="VoxelCount">Fibre voxels whose nearest beam path is this one (and in this along-beam voxel).</param>
/// <param name="BeamWeight">Σ exp(−(X − X_path)²/2σ²) over the fibre's voxels within reach, in voxels (× voxel
/// volume = Gaussian-weighted volume).</param>
/// <param name="AlphaDeg">The beam-weighted mean polar angle from the vertical axis, degrees.</param>
/// <param name="BetaDeg">The beam-weighted mean azimuth in the lab frame at this angle (β + φ), degrees in [0, 360).</param>
public readonly record struct FibreCrossing(int Path, int AlongBeam, int FibreId, int VoxelCount, double BeamWeight, double AlphaDeg, double BetaDeg);

/// <summary>The gridding of one slab at one angle.</summary>
/// <param name="Crossings">Entries sorted by path, along-beam voxel and fibreId.</param>
/// <param name="PointsOutsideRaster">Fibre voxels nearer to no path than half a step (beyond the raster's ends).</param>
/// <param name="PointsOutsideWindow">Fibre voxels outside the along-beam window (counted in the end voxels).</param>
public sealed record SlabGrid(IReadOnlyList<FibreCrossing> Crossings, int PointsOutsideRaster, int PointsOutsideWindow);
