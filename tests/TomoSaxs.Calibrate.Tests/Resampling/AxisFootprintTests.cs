using TomoSaxs.Calibrate.Resampling;

namespace TomoSaxs.Calibrate.Tests.Resampling;

public class AxisFootprintTests
{
    [Fact]
    public void Fractional_factor_two_and_a_half_splits_the_shared_voxel_in_half()
    {
        // 2.6 µm → 6.5 µm: output 0 = inputs 0, 1 whole and half of input 2.
        var footprint = AxisFootprint.Create(5, 2.6, 6.5, 2);
        Assert.Equal(0, footprint.FirstInput(0));
        Assert.Equal([0.4, 0.4, 0.2], footprint.Weights(0).ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal(2, footprint.FirstInput(1));
        Assert.Equal([0.2, 0.4, 0.4], footprint.Weights(1).ToArray(), new ToleranceComparer(1e-12));
        Assert.All(footprint.Coverage, coverage => Assert.Equal(1.0, coverage, 12));
    }

    [Fact]
    public void Covering_count_does_not_grow_on_rounding_noise()
    {
        Assert.Equal(410, AxisFootprint.CoveringCount(1024, 2.6, 6.5)); // 409.6 → 410 (partial last voxel)
        Assert.Equal(1024, AxisFootprint.CoveringCount(2560, 2.6, 6.5)); // exactly 1024
        Assert.Equal(640, AxisFootprint.CoveringCount(2560, 1.625, 6.5));
    }

    [Fact]
    public void Shifted_origin_gives_partial_coverage_at_the_edges()
    {
        // Input of 4 voxels of 1 µm starting at 0.25 µm on a 1 µm output grid of 6 voxels.
        var footprint = AxisFootprint.Create(4, 1.0, 1.0, 6, originUm: 0.25);
        Assert.Equal([0.75, 1, 1, 1, 0.25, 0], footprint.Coverage.ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal((1, 4), footprint.FullyCovered());
        Assert.Equal([0.25, 0.75], footprint.Weights(1).ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal(0, footprint.Weights(5).Length);
    }

    [Fact]
    public void A_non_positive_voxel_size_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AxisFootprint.Create(4, 0, 1, 4));
        Assert.Equal("inputVoxelUm", error.ParamName);
    }
}

internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
