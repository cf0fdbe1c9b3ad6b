namespace TomoSaxs.Calibrate.Tube;

/// <summary>
/// Otsu's method for three classes: the two grey values that best split values into three classes (maximum
/// between-class variance), from a 256-bin histogram over the value range, searched exhaustively.
/// </summary>
public static class OtsuThreeClass
{
    /// <summary>The lower and upper thresholds (lower &lt; upper), in the values' units.</summary>
    /// <exception cref="ArgumentException">No finite values, or all values are equal.</exception>
    public static (double Lower, double Upper) Thresholds(IEnumerable<float> values)
    {
        const int bins = 256;
        var list = values.Where(float.IsFinite).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Otsu's thresholds need at least one finite value.");
        }

        double min = list.Min(), max = list.Max();
        if (!(max > min))
        {
            throw new ArgumentException($"All values are {min}; there is nothing to separate.");
        }

        // Cumulative weight and first moment of bins [0, b).
        var weight = new double[bins + 1];
        var moment = new double[bins + 1];
        var histogram = new double[bins];
        foreach (var v in list)
        {
            histogram[Math.Min(bins - 1, (int)((v - min) / (max - min) * bins))]++;
        }

        for (var b = 0; b < bins; b++)
        {
            weight[b + 1] = weight[b] + histogram[b];
            moment[b + 1] = moment[b] + b * histogram[b];
        }

        double Term(int from, int to)
        {
            var w = weight[to] - weight[from];
            return w > 0 ? (moment[to] - moment[from]) * (moment[to] - moment[from]) / w : double.NegativeInfinity;
        }

        double best = double.NegativeInfinity;
        (int Lower, int Upper) cut = (1, 2);
        for (var lower = 1; lower < bins - 1; lower++)
        {
            var first = Term(0, lower);
            for (var upper = lower + 1; upper < bins; upper++)
            {
                // Σ wₖ μₖ² over the classes; the total mean is fixed, so this maximises the between-class variance.
                var score = first + Term(lower, upper) + Term(upper, bins);
                if (score > best)
                {
                    best = score;
                    cut = (lower, upper);
                }
            }
        }

        return (min + cut.Lower * (max - min) / bins, min + cut.Upper * (max - min) / bins);
    }
}
