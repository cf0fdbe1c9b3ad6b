namespace TomoSaxs.Calibrate.Tube;

/// <summary>
/// Otsu's threshold: the grey value that best splits values into two classes (maximum between-class
/// variance), from a 256-bin histogram over the value range.
/// </summary>
public static class Otsu
{
    /// <summary>The threshold and its separability η = between-class variance / total variance (0…1; near 1 for
    /// two well separated classes, low for a unimodal image).</summary>
    /// <exception cref="ArgumentException">No finite values, or all values are equal.</exception>
    public static (double Threshold, double Separability) Threshold(IEnumerable<float> values) =>
        FromHistogram(GreyHistogram.Of(values.ToArray()));

    /// <summary>The threshold and separability from a histogram (see <see cref="Threshold"/>).</summary>
    internal static (double Threshold, double Separability) FromHistogram(GreyHistogram histogram)
    {
        const int bins = GreyHistogram.Bins;
        var counts = histogram.Counts;
        var total = histogram.Total;
        double sumAll = 0, sumSquares = 0;
        for (var b = 0; b < bins; b++)
        {
            sumAll += b * counts[b];
            sumSquares += (double)b * b * counts[b];
        }

        var totalVariance = sumSquares / total - (sumAll / total) * (sumAll / total);
        double weightBelow = 0, sumBelow = 0, bestVariance = -1;
        var bestBin = 0;
        for (var b = 0; b < bins - 1; b++)
        {
            weightBelow += counts[b];
            sumBelow += b * counts[b];
            var weightAbove = total - weightBelow;
            if (weightBelow == 0 || weightAbove == 0)
            {
                continue;
            }

            var meanBelow = sumBelow / weightBelow;
            var meanAbove = (sumAll - sumBelow) / weightAbove;
            var between = weightBelow * weightAbove / (total * total) * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > bestVariance)
            {
                bestVariance = between;
                bestBin = b;
            }
        }

        return (histogram.UpperEdge(bestBin), totalVariance > 0 ? bestVariance / totalVariance : 0);
    }
}
