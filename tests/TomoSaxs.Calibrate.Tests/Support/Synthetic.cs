namespace TomoSaxs.Calibrate.Tests.Support;

/// <summary>Deterministic synthetic volumes and noise for the tests.</summary>
internal static class Synthetic
{
    /// <summary>A smooth-plus-rough test pattern: distinct values everywhere, no symmetry.</summary>
    public static float Pattern(int z, int r, int c) =>
        (float)(100 + 30 * Math.Sin(0.31 * z + 0.7) * Math.Cos(0.23 * r) + 20 * Math.Sin(0.17 * c + 0.05 * r * z % 7) + ((z * 131 + r * 71 + c * 37) % 17));

    public static float[,,] Volume(int depth, int height, int width, Func<int, int, int, float> value)
    {
        var volume = new float[depth, height, width];
        for (var z = 0; z < depth; z++)
        {
            for (var r = 0; r < height; r++)
            {
                for (var c = 0; c < width; c++)
                {
                    volume[z, r, c] = value(z, r, c);
                }
            }
        }

        return volume;
    }

    /// <summary>Standard normal deviates from a seeded generator (Box–Muller).</summary>
    public static Func<double> Gaussian(int seed)
    {
        var random = new Random(seed);
        return () =>
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        };
    }

    public static double Sum(float[,,] volume)
    {
        var sum = 0.0;
        foreach (var v in volume)
        {
            sum += v;
        }

        return sum;
    }
}
