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
    public static (double Threshold, double Separability) Threshold(IEnumerable<float> values)
    {
        var list = values.Where(float.IsFinite).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Otsu's threshold needs at least one finite value.");
        }

        double min = list.Min(), max = list.Max();
        if (!(max > min))
        {
            throw new ArgumentException($"All values are {min}; there is nothing to separate.");
        }

        const int bins = 256;
        var histogram = new double[bins];
        foreach (var v in list)
        {
            histogram[Math.Min(bins - 1, (int)((v - min) / (max - min) * bins))]++;
        }

        var total = (double)list.Count;
        double sumAll = 0, sumSquares = 0;
        for (var b = 0; b < bins; b++)
        {
            sumAll += b * histogram[b];
            sumSquares += (double)b * b * histogram[b];
        }

        var totalVariance = sumSquares / total - (sumAll / total) * (sumAll / total);
        double weightBelow = 0, sumBelow = 0, bestVariance = -1;
        var bestBin = 0;
        for (var b = 0; b < bins - 1; b++)
        {
            weightBelow += histogram[b];
            sumBelow += b * histogram[b];
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

        var threshold = min + (bestBin + 1) * (max - min) / bins;
        return (threshold, totalVariance > 0 ? bestVariance / totalVariance : 0);
    }
}
