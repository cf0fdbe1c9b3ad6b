using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Resampling;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Assembly;

/// <summary>
/// Builds the calibrated CT: the low-res volume at the common voxel size with the high-res scan in its place
/// (registration note §3 A4, §11). The high-res scan is area-averaged straight from its own voxels onto the
/// low-res grid at the estimated sub-voxel offset, so it is resampled once and not shifted by whole voxels.
/// The result keeps the low-res field of view on every axis (the reference cropped z to the high-res range).
/// </summary>
public static class CombinedCt
{
    /// <summary>Where the high-res scan lands in the combined CT, without reading any voxel.</summary>
    /// <param name="lowResShape">The low-res volume at the common voxel size.</param>
    /// <param name="highResShape">The high-res volume at its own voxel size.</param>
    /// <param name="highResVoxelUm">The high-res voxel edge, µm.</param>
    /// <param name="commonVoxelUm">The common voxel edge, µm.</param>
    /// <param name="offset">The high-res position in the low-res volume, common voxels (<see cref="HighResOffsetEstimate.Voxels"/>).</param>
    public static (ResampleGeometry Geometry, HighResRegion Region) Placement(
        VolumeShape lowResShape, VolumeShape highResShape, double highResVoxelUm, double commonVoxelUm, Offset3 offset)
    {
        var geometry = new ResampleGeometry(highResShape, highResVoxelUm, commonVoxelUm, lowResShape,
            (offset.Z * commonVoxelUm, offset.Y * commonVoxelUm, offset.X * commonVoxelUm));
        var (fz, fy, fx) = geometry.Footprints();
        var (z0, z1) = fz.FullyCovered();
        var (y0, y1) = fy.FullyCovered();
        var (x0, x1) = fx.FullyCovered();
        return (geometry, new HighResRegion(z0, z1, y0, y1, x0, x1));
    }

    /// <summary>
    /// Streams the combined CT to <paramref name="output"/> (the low-res shape) in slabs of
    /// <paramref name="slabDepth"/> slices and returns the box that came from the high-res scan.
    /// </summary>
    /// <exception cref="ArgumentException">The output shape differs from the low-res shape, or the high-res field
    /// of view does not cover a single whole common voxel of the low-res volume.</exception>
    public static HighResRegion Assemble(
        ISlabReader<float> lowResCommon, ISlabReader<float> highRes, double highResVoxelUm, double commonVoxelUm,
        Offset3 offset, ISlabWriter<float> output, int slabDepth = 8)
    {
        lowResCommon.Shape.RequireNonEmpty("The low-res CT");
        highRes.Shape.RequireNonEmpty("The high-res CT");
        if (output.Shape != lowResCommon.Shape)
        {
            throw new ArgumentException($"The combined CT must have the low-res shape {lowResCommon.Shape}, not {output.Shape}.", nameof(output));
        }

        var (geometry, region) = Placement(lowResCommon.Shape, highRes.Shape, highResVoxelUm, commonVoxelUm, offset);
        if (region.IsEmpty)
        {
            throw new ArgumentException(
                $"The high-res CT at offset {offset} (common voxels) covers no whole voxel of the low-res CT ({lowResCommon.Shape}).");
        }

        var merge = new MergingWriter(lowResCommon, region, output);
        AreaResampler.Resample(highRes, geometry, merge, slabDepth, slabDepth, fill: float.NaN);
        return region;
    }

    /// <summary>Receives the resampled high-res slabs in z order and writes low-res slabs with the high-res box pasted in.</summary>
    private sealed class MergingWriter(ISlabReader<float> low, HighResRegion region, ISlabWriter<float> output) : ISlabWriter<float>
    {
        private int next;

        public VolumeShape Shape => low.Shape;

        public void WriteSlab(float[,,] slab)
        {
            var merged = low.ReadSlab(next, next + slab.GetLength(0));
            for (var k = 0; k < slab.GetLength(0); k++)
            {
                var z = next + k;
                if (z < region.Z0 || z >= region.Z1)
                {
                    continue;
                }

                for (var y = region.Y0; y < region.Y1; y++)
                {
                    for (var x = region.X0; x < region.X1; x++)
                    {
                        merged[k, y, x] = slab[k, y, x];
                    }
                }
            }

            next += slab.GetLength(0);
            output.WriteSlab(merged);
        }
    }
}
