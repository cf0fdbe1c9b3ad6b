using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Register.Vertical;

namespace TomoSaxs.Register.Tests.Vertical;

public class SliceSlabsTests
{
    [Fact]
    public void Each_slice_takes_the_fibre_slices_whose_centres_lie_in_its_beam()
    {
        // Motor y 1000, 1050, 1100 µm; the CT top is at y = 600 µm (sense +1): beams centred at CT z 400, 450, 500 µm.
        var match = new VerticalMatch(600, 0, 1, -0.99, 5, 100, EstimateSource.Automatic, 0.5);
        var slabs = SliceSlabs.Compute([1000, 1050, 1100], match, beamHeightUm: null, fibreVoxelUm: 8.125, fibreDepth: 200);
        Assert.Equal((375.0, 425.0), (slabs[0].CtZStartUm, slabs[0].CtZEndUm));
        // Voxel i's centre is at (i + ½)·8.125: centres in [375, 425) are i = 46 (377.8) … 51 (418.4).
        Assert.Equal((46, 52), (slabs[0].FibreZStart, slabs[0].FibreZEnd));
        Assert.Equal((52, 58), (slabs[1].FibreZStart, slabs[1].FibreZEnd)); // [425, 475): 52 (426.6) … 57 (467.2)
        // Slabs tile the volume: no fibre slice is used twice or skipped.
        Assert.Equal(slabs[1].FibreZEnd, slabs[2].FibreZStart);
    }

    [Fact]
    public void Decreasing_heights_with_negative_sense_and_clamping_at_the_volume_ends()
    {
        var match = new VerticalMatch(5000, 0, -1, 0.9, 5, 100, EstimateSource.Pinned, 0.5);
        var slabs = SliceSlabs.Compute([5000, 4900, 3000], match, beamHeightUm: 100, fibreVoxelUm: 10, fibreDepth: 50);
        Assert.Equal((0, 5), (slabs[0].FibreZStart, slabs[0].FibreZEnd));  // [−50, 50) clamps to the top
        Assert.Equal((5, 15), (slabs[1].FibreZStart, slabs[1].FibreZEnd)); // [50, 150)
        Assert.Equal(0, slabs[2].FibreDepth);                               // [1950, 2050) is below the 500 µm volume
    }

    [Fact]
    public void A_single_slice_needs_a_beam_height()
    {
        var match = new VerticalMatch(0, 0, 1, 1, 1, 1, EstimateSource.Pinned, 0.5);
        var error = Assert.Throws<ArgumentException>(() => SliceSlabs.Compute([10], match, null, 8, 10));
        Assert.Contains("beam height", error.Message);
    }
}
