namespace TomoSaxs.Numerics;

/// <summary>A 2-D Gaussian blur of an image on a pixel grid.</summary>
public static class GaussianBlur
{
    /// <summary>
    /// <paramref name="image"/> [row, col] convolved with a normalised Gaussian of standard deviation
    /// <paramref name="sigmaPx"/> pixels (sampled at whole pixels, cut at ⌈3σ⌉), along columns then rows. Outside the
    /// image counts as 0, so within 3σ of the border the result falls towards 0. σ = 0 returns a copy.
    /// </summary>
    public static double[,] Separable(double[,] image, double sigmaPx)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sigmaPx);
        var (h, w) = (image.GetLength(0), image.GetLength(1));
        if (sigmaPx == 0)
        {
            return (double[,])image.Clone();
        }

        var radius = (int)Math.Ceiling(3 * sigmaPx);
        var kernel = new double[2 * radius + 1];
        for (var k = -radius; k <= radius; k++)
        {
            kernel[k + radius] = Math.Exp(-0.5 * k * k / (sigmaPx * sigmaPx));
        }

        var sum = kernel.Sum();
        for (var k = 0; k < kernel.Length; k++)
        {
            kernel[k] /= sum;
        }

        var rows = new double[h, w];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                var value = 0.0;
                for (int k = Math.Max(-radius, -c), end = Math.Min(radius, w - 1 - c); k <= end; k++)
                {
                    value += kernel[k + radius] * image[r, c + k];
                }

                rows[r, c] = value;
            }
        }

        var blurred = new double[h, w];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                var value = 0.0;
                for (int k = Math.Max(-radius, -r), end = Math.Min(radius, h - 1 - r); k <= end; k++)
                {
                    value += kernel[k + radius] * rows[r + k, c];
                }

                blurred[r, c] = value;
            }
        }

        return blurred;
    }
}
