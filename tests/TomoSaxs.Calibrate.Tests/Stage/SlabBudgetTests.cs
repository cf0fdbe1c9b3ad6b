using TomoSaxs.Calibrate.Stage;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Tests.Stage;

/// <summary>The stage's slabs stay within a fixed number of voxels whatever the CT's slice size: the memory guard
/// for large CTs that needs no timing (docs/benchmarks.md has the measured peak).</summary>
public sealed class SlabBudgetTests
{
    [Theory]
    [InlineData(500, 1500, 1500, 3)] // bench-ct high-res at 2.4 µm: 16 slices would be 144 MB of float
    [InlineData(462, 1385, 1385, 4)] // the bench preset's high-res
    [InlineData(350, 1160, 1160, 6)] // bench-ct low-res at 4 µm
    [InlineData(88, 290, 290, 16)] // the example: the full depth
    [InlineData(4, 290, 290, 16)] // never more than the volume needs is fine: the slab range clips it
    [InlineData(10, 4000, 4000, 1)] // a slice above the budget still streams, one slice at a time
    public void Slab_depth_keeps_a_slab_within_the_voxel_budget(int depth, int height, int width, int expected)
    {
        var shape = new VolumeShape(depth, height, width);

        var slices = CalibrateOptions.SlabDepthFor(shape);

        Assert.Equal(expected, slices);
        Assert.InRange(slices, 1, CalibrateOptions.SlabDepth);
        Assert.True(slices == 1 || slices * shape.SliceVoxels <= CalibrateOptions.SlabVoxels,
            $"{slices} slices of {shape.SliceVoxels} voxels exceed the budget of {CalibrateOptions.SlabVoxels}");
        // One slice more would break the budget (or the cap): the depth is the largest that fits.
        Assert.True(slices == CalibrateOptions.SlabDepth || (slices + 1) * shape.SliceVoxels > CalibrateOptions.SlabVoxels);
    }

    [Fact]
    public void A_float_slab_of_a_2_GB_ct_is_at_most_32_MB()
    {
        var highRes = new VolumeShape(500, 1500, 1500);

        var bytes = CalibrateOptions.SlabDepthFor(highRes) * highRes.SliceVoxels * sizeof(float);

        Assert.True(bytes <= 32L << 20, $"{bytes} bytes");
    }
}
