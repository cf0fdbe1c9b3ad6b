namespace TomoSaxs.Register.Tests.Support;

/// <summary>Seeded standard normal deviates (Box–Muller).</summary>
internal static class Noise
{
    public static Func<double> Gaussian(int seed)
    {
        var random = new Random(seed);
        return () => Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
