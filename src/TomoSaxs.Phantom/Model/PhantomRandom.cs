namespace TomoSaxs.Phantom;

/// <summary>
/// A reproducible random stream (xoshiro256**) keyed by the scan seed, a purpose and up to three indices, e.g.
/// (seed, "frame", angle, slice, position). Every draw of the phantom comes from the stream of the item it
/// belongs to, never from a shared generator, so the data are the same whatever the number of threads or
/// processes and whatever order items are generated in. The algorithms are fixed here (not System.Random), so
/// streams are also stable across .NET versions.
/// </summary>
internal sealed class PhantomRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;
    private double? spareGaussian;

    /// <summary>The stream of (<paramref name="seed"/>, <paramref name="purpose"/>, <paramref name="a"/>, <paramref name="b"/>, <paramref name="c"/>).</summary>
    public PhantomRandom(int seed, string purpose, long a = 0, long b = 0, long c = 0)
    {
        // Fold the key into one 64-bit state with SplitMix64, then expand it into xoshiro's four words.
        var state = Mix(0x9E3779B97F4A7C15UL ^ (ulong)seed);
        foreach (var ch in purpose)
        {
            state = Mix(state ^ ch);
        }

        state = Mix(state ^ (ulong)a);
        state = Mix(state ^ (ulong)b);
        state = Mix(state ^ (ulong)c);
        s0 = SplitMix(ref state);
        s1 = SplitMix(ref state);
        s2 = SplitMix(ref state);
        s3 = SplitMix(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A draw whose logarithm is uniform in [ln min, ln max).</summary>
    public double LogUniform(double min, double max) => Math.Exp(Uniform(Math.Log(min), Math.Log(max)));

    /// <summary>A standard normal draw (Box–Muller, both values used in turn).</summary>
    public double NextGaussian()
    {
        if (spareGaussian is { } spare)
        {
            spareGaussian = null;
            return spare;
        }

        double u;
        do
        {
            u = NextDouble();
        }
        while (u == 0.0);

        var radius = Math.Sqrt(-2.0 * Math.Log(u));
        var angle = 2.0 * Math.PI * NextDouble();
        spareGaussian = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    /// <summary>A uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count) => (int)(NextDouble() * count);

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
