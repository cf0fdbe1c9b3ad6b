using TomoSaxs.Numerics;

namespace TomoSaxs.Numerics.Tests;

public class GaussianBlurTests
{
    [Fact]
    public void A_point_spreads_into_the_normalised_gaussian_and_a_uniform_image_stays_uniform_inside()
    {
        const double sigma = 1.7;
        var image = new double[31, 31];
        image[15, 15] = 1;
        var blurred = GaussianBlur.Separable(image, sigma);
        double total = 0, variance = 0;
        for (var r = 0; r < 31; r++)
        {
            for (var c = 0; c < 31; c++)
            {
                total += blurred[r, c];
                variance += blurred[r, c] * ((r - 15) * (r - 15) + (c - 15) * (c - 15)) / 2.0;
            }
        }

        Assert.Equal(1.0, total, 12);
        // Sampled at whole pixels and cut at ⌈3σ⌉: the variance per axis is σ² to within 1 %.
        Assert.Equal(sigma * sigma, variance, 0.01 * sigma * sigma);
        Assert.Equal(blurred[15, 12], blurred[12, 15], 15);

        var uniform = new double[20, 20];
        for (var r = 0; r < 20; r++)
        {
            for (var c = 0; c < 20; c++)
            {
                uniform[r, c] = 3;
            }
        }

        var smooth = GaussianBlur.Separable(uniform, sigma);
        Assert.Equal(3.0, smooth[10, 10], 12);
        Assert.True(smooth[10, 0] < 3, "outside the image counts as 0");
        Assert.Equal(uniform, GaussianBlur.Separable(uniform, 0));
    }
}
