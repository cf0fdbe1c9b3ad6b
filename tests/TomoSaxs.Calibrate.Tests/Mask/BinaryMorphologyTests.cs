using TomoSaxs.Calibrate.Mask;

namespace TomoSaxs.Calibrate.Tests.Mask;

public class BinaryMorphologyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_square_of_radius_r_is_r_three_by_three_steps(int radius)
    {
        // A random blob touching the image's border, so the outside-is-unset rule is exercised too.
        var random = new Random(11);
        var mask = new bool[37, 41];
        for (var r = 0; r < 37; r++)
        {
            for (var c = 0; c < 41; c++)
            {
                mask[r, c] = Math.Pow((r - 15) / 14.0, 2) + Math.Pow((c - 25) / 17.0, 2) < 1 + 0.3 * random.NextDouble();
            }
        }

        var (eroded, dilated) = (mask, mask);
        for (var k = 0; k < radius; k++)
        {
            (eroded, dilated) = (BinaryMorphology.Erode(eroded), BinaryMorphology.Dilate(dilated));
        }

        Assert.Equal(eroded, BinaryMorphology.Erode(mask, radius));
        Assert.Equal(dilated, BinaryMorphology.Dilate(mask, radius));
        Assert.Contains(true, eroded.Cast<bool>());
        Assert.Contains(false, dilated.Cast<bool>());
    }
}
