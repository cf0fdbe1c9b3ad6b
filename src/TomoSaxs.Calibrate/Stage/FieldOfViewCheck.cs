using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>Checks that the high-res field of view lies inside the low-res one at the found or pinned offset.</summary>
public static class FieldOfViewCheck
{
    /// <summary>
    /// Throws unless the high-res box [offset, offset + extent) lies within the low-res box [0, extent) on every
    /// axis, to within one common voxel (the partial voxels the resampling leaves at the faces), µm.
    /// </summary>
    /// <exception cref="CalibrateInputException">The high-res field of view reaches outside the low-res one.</exception>
    public static void RequireInside(HighResOffsetEstimate offset, VolumeShape highRes, double highResVoxelUm, VolumeShape lowRes, double lowResVoxelUm, string highFolder, string lowFolder)
    {
        var v = offset.CommonVoxelUm;
        var start = offset.Um;
        var axes = new[]
        {
            ("z", start.Z, highRes.Depth * highResVoxelUm, lowRes.Depth * lowResVoxelUm),
            ("y", start.Y, highRes.Height * highResVoxelUm, lowRes.Height * lowResVoxelUm),
            ("x", start.X, highRes.Width * highResVoxelUm, lowRes.Width * lowResVoxelUm),
        };
        foreach (var (axis, from, highExtent, lowExtent) in axes)
        {
            if (from < -v || from + highExtent > lowExtent + v)
            {
                var how = offset.Source == Estimates.EstimateSource.Pinned ? "pinned by calibrate.high_res_offset_*_um" : "found by 3-D NCC";
                throw new CalibrateInputException(
                    $"The high-res field of view is not inside the low-res one along {axis}: at the offset {from:F1} µm ({how}) the high-res CT " +
                    $"raw.ct.high_res ('{highFolder}') spans [{from:F1}, {from + highExtent:F1}) µm but the low-res CT raw.ct.low_res ('{lowFolder}') " +
                    $"only [0, {lowExtent:F1}) µm; expected the high-res scan to be a sub-volume of the low-res one.");
            }
        }
    }
}
