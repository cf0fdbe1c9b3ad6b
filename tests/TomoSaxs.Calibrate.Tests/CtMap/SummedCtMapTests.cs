using TomoSaxs.Calibrate.CtMap;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Tests.CtMap;

public class SummedCtMapTests
{
    [Fact]
    public void Map_is_the_sum_along_rows_inverted_against_its_maximum()
    {
        var ct = Synthetic.Volume(9, 7, 5, Synthetic.Pattern);
        var sum = SummedCtMap.Compute(new ArraySlabReader<float>(ct), invert: false, slabDepth: 4);
        var inverted = SummedCtMap.Compute(new ArraySlabReader<float>(ct), invert: true, slabDepth: 2);
        var max = sum.Cast<double>().Max();
        for (var z = 0; z < 9; z++)
        {
            for (var x = 0; x < 5; x++)
            {
                var expected = Enumerable.Range(0, 7).Sum(y => (double)ct[z, y, x]);
                Assert.Equal(expected, sum[z, x], 9);
                Assert.Equal(max - expected, inverted[z, x], 9);
            }
        }

        Assert.Equal(0, inverted.Cast<double>().Min());
    }

    [Fact]
    public void A_dense_endplate_is_bright_in_the_ct_sum_and_dark_in_the_inverted_map()
    {
        // Bone (grey 200) in slices z ≥ 6, soft tissue (grey 50) above.
        var ct = Synthetic.Volume(10, 4, 3, (z, y, x) => z >= 6 ? 200f : 50f);
        var map = SummedCtMap.Compute(new ArraySlabReader<float>(ct));
        Assert.Equal(0, map[8, 1]);
        Assert.Equal(4 * 150, map[2, 1]);
    }
}
