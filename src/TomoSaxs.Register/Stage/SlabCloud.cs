using TomoSaxs.Calibrate.Fibres;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Register.Rotation;
using TomoSaxs.Register.Vertical;

namespace TomoSaxs.Register.Stage;

/// <summary>The fibre points of one SAXS slice's slab, read from the calibrated volumes, about the tube axis.</summary>
public static class SlabCloud
{
    /// <summary>Reads the slab's fibre voxels (α from theta, β from phi, ids from index) as points relative to
    /// <paramref name="tubeCentreUm"/> (µm in the calibrated frame: Y along rows, X along columns).</summary>
    public static FibrePointCloud Read(ICalibratedVolumes volumes, SliceSlab slab, FibrePlacement placement, (double Y, double X) tubeCentreUm)
    {
        if (slab.FibreDepth == 0)
        {
            return FibrePointCloud.FromPoints([], [], [], [], [], placement.FibreVoxelUm);
        }

        var ids = volumes.FibreIndex.ReadSlab(slab.FibreZStart, slab.FibreZEnd);
        var alpha = volumes.Theta.ReadSlab(slab.FibreZStart, slab.FibreZEnd);
        var beta = volumes.Phi.ReadSlab(slab.FibreZStart, slab.FibreZEnd);
        var residual = placement.ResidualUm;
        return FibrePointCloud.FromVolumes(ids, alpha, beta, 0, slab.FibreDepth, placement.FibreVoxelUm, tubeCentreUm, (residual.Y, residual.X));
    }
}
