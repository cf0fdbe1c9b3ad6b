namespace TomoSaxs.Calibrate.Tests.Support;

/// <summary>
/// Synthetic CT slices of a Kapton tube with a sample inside, rendered by area coverage (5 × 5 sub-samples per
/// pixel, pixel (r, c) covering [r − ½, r + ½] × [c − ½, c + ½]) plus Gaussian noise.
/// </summary>
internal static class TubeSlices
{
    public const float Air = 20, Buffer = 60, Wall = 180, Sample = 220;

    /// <summary>A [row, col] slice: air outside, Kapton wall of <paramref name="wall"/> px, buffer inside, and an
    /// elliptical sample (semi-axes a, b px, centre offset from the tube centre) brighter than the wall.</summary>
    public static float[,] Render(int height, int width, (double Row, double Col) centre, double outerRadius, double wall,
        (double Row, double Col, double A, double B) sample, double noise, int seed)
    {
        var gaussian = Synthetic.Gaussian(seed);
        var slice = new float[height, width];
        const int n = 5;
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var sum = 0.0;
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var y = r - 0.5 + (i + 0.5) / n - centre.Row;
                        var x = c - 0.5 + (j + 0.5) / n - centre.Col;
                        var d = Math.Sqrt(x * x + y * y);
                        var sy = (y - sample.Row) / sample.A;
                        var sx = (x - sample.Col) / sample.B;
                        sum += d > outerRadius ? Air
                            : d > outerRadius - wall ? Wall
                            : sx * sx + sy * sy <= 1 ? Sample
                            : Buffer;
                    }
                }

                slice[r, c] = (float)(sum / (n * n) + noise * gaussian());
            }
        }

        return slice;
    }

    /// <summary>A separable Gaussian blur of standard deviation <paramref name="sigma"/> pixels (edges clamped),
    /// standing in for the CT's point-spread function.</summary>
    public static float[,] Blur(float[,] image, double sigma)
    {
        if (sigma <= 0)
        {
            return image;
        }

        var radius = (int)Math.Ceiling(3 * sigma);
        var kernel = Enumerable.Range(-radius, 2 * radius + 1).Select(k => Math.Exp(-k * k / (2 * sigma * sigma))).ToArray();
        var total = kernel.Sum();
        var (h, w) = (image.GetLength(0), image.GetLength(1));
        var rows = new float[h, w];
        var result = new float[h, w];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                var sum = 0.0;
                for (var k = -radius; k <= radius; k++)
                {
                    sum += kernel[k + radius] * image[r, Math.Clamp(c + k, 0, w - 1)];
                }

                rows[r, c] = (float)(sum / total);
            }
        }

        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                var sum = 0.0;
                for (var k = -radius; k <= radius; k++)
                {
                    sum += kernel[k + radius] * rows[Math.Clamp(r + k, 0, h - 1), c];
                }

                result[r, c] = (float)(sum / total);
            }
        }

        return result;
    }
}
