namespace TomoSaxs.Calibrate.Tube;

/// <summary>A 256-bin histogram of finite grey values over their range [Min, Max], for Otsu's thresholds.</summary>
internal sealed class GreyHistogram
{
    /// <summary>The number of bins.</summary>
    public const int Bins = 256;

    private GreyHistogram(double min, double max, double[] counts, double total) => (Min, Max, Counts, Total) = (min, max, counts, total);

    public double Min { get; }

    public double Max { get; }

    public double[] Counts { get; }

    public double Total { get; }

    /// <summary>The grey value at the upper edge of bin <paramref name="bin"/>.</summary>
    public double UpperEdge(int bin) => Min + (bin + 1) * (Max - Min) / Bins;

    /// <summary>Two passes over <paramref name="values"/> (range, then counts); nothing is copied.</summary>
    /// <exception cref="ArgumentException">No finite values, or all values are equal.</exception>
    public static GreyHistogram Of(ReadOnlySpan<float> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (float.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        if (double.IsPositiveInfinity(min))
        {
            throw new ArgumentException("Otsu's threshold needs at least one finite value.");
        }

        if (!(max > min))
        {
            throw new ArgumentException($"All values are {min}; there is nothing to separate.");
        }

        var counts = new double[Bins];
        var total = 0.0;
        foreach (var v in values)
        {
            if (float.IsFinite(v))
            {
                counts[Math.Min(Bins - 1, (int)((v - min) / (max - min) * Bins))]++;
                total++;
            }
        }

        return new GreyHistogram(min, max, counts, total);
    }
}
