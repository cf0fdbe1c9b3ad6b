using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Resampling;

/// <summary>
/// The grey-value range mapped linearly onto 0…255 when a CT volume is stored as 8 bit (the Fiji 8-bit
/// conversion of registration note §9): Low → 0, High → 255, values outside are clipped.
/// </summary>
/// <param name="Low">The grey value that becomes 0 (input units).</param>
/// <param name="High">The grey value that becomes 255 (input units); greater than <paramref name="Low"/>.</param>
public readonly record struct IntensityWindow(double Low, double High)
{
    /// <summary>The 8-bit value of <paramref name="value"/>, rounded to nearest.</summary>
    public byte ToByte(double value)
    {
        if (!(High > Low))
        {
            throw new InvalidOperationException($"The intensity window [{Low}, {High}] is empty.");
        }

        var scaled = Math.Round((value - Low) / (High - Low) * 255.0, MidpointRounding.AwayFromZero);
        return double.IsNaN(scaled) ? (byte)0 : (byte)Math.Clamp(scaled, 0, 255);
    }

    /// <summary>
    /// The window between the <paramref name="lowPercentile"/> and <paramref name="highPercentile"/> (0–100) of
    /// every voxel of <paramref name="volume"/>, from two streamed passes (range, then a 65536-bin histogram), so
    /// it is the nearest-rank percentile to within 1/65536 of the value range; 0 and 100 give the exact minimum and maximum.
    /// </summary>
    /// <exception cref="ArgumentException">The percentiles are not 0 ≤ low &lt; high ≤ 100, or the volume is empty
    /// or constant.</exception>
    public static IntensityWindow FromPercentiles(ISlabReader<float> volume, double lowPercentile, double highPercentile, int slabDepth = 8)
    {
        if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100))
        {
            throw new ArgumentException($"Percentiles must satisfy 0 ≤ low < high ≤ 100; got {lowPercentile} and {highPercentile}.");
        }

        volume.Shape.RequireNonEmpty("The volume to window");
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var range in SlabRange.Cover(volume.Shape.Depth, slabDepth))
        {
            foreach (var v in volume.ReadSlab(range.Start, range.End))
            {
                if (float.IsFinite(v))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }
        }

        if (!(max > min))
        {
            throw new ArgumentException($"The volume is constant ({min}); no intensity window can be derived from it.");
        }

        const int bins = 65536;
        var histogram = new long[bins];
        long total = 0;
        foreach (var range in SlabRange.Cover(volume.Shape.Depth, slabDepth))
        {
            foreach (var v in volume.ReadSlab(range.Start, range.End))
            {
                if (float.IsFinite(v))
                {
                    histogram[Math.Min(bins - 1, (int)((v - min) / (max - min) * bins))]++;
                    total++;
                }
            }
        }

        double Quantile(double percentile)
        {
            if (percentile <= 0)
            {
                return min;
            }

            if (percentile >= 100)
            {
                return max;
            }

            var target = percentile / 100 * total;
            long cumulative = 0;
            for (var b = 0; b < bins; b++)
            {
                cumulative += histogram[b];
                if (cumulative >= target)
                {
                    return min + (b + 0.5) * (max - min) / bins;
                }
            }

            return max;
        }

        return new IntensityWindow(Quantile(lowPercentile), Quantile(highPercentile));
    }
}
