using TomoSaxs.Scan;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>The common voxel edge of the combined CT (<c>calibrate.common_voxel_um</c>).</summary>
public static class CommonVoxel
{
    /// <summary>
    /// "auto": the coarser of the two CT voxels, so the finer scan is only ever area-averaged, never interpolated
    /// up; a pinned number is taken as it is, and must be at least both CT voxels, µm.
    /// </summary>
    /// <exception cref="CalibrateInputException">The pinned voxel is finer than a CT voxel.</exception>
    public static double Choose(AutoOrNumber setting, double highResVoxelUm, double lowResVoxelUm)
    {
        var coarser = Math.Max(highResVoxelUm, lowResVoxelUm);
        if (setting.IsAuto)
        {
            return coarser;
        }

        if (setting.Value < coarser * (1 - 1e-9))
        {
            throw new CalibrateInputException(
                $"calibrate.common_voxel_um = {setting.Value} µm is finer than the CT voxels (raw.ct.voxel_um: high {highResVoxelUm} µm, " +
                $"low {lowResVoxelUm} µm); it must be at least {coarser} µm, since the CTs are only area-averaged, never interpolated.");
        }

        return setting.Value;
    }

    /// <summary>Whether a scan at <paramref name="voxelUm"/> is already on the common grid (no resampling needed).</summary>
    public static bool IsSame(double voxelUm, double commonVoxelUm) => Math.Abs(voxelUm - commonVoxelUm) <= 1e-9 * commonVoxelUm;
}
