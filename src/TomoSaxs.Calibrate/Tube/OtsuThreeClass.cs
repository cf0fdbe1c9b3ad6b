namespace TomoSaxs.Calibrate.Tube;

/// <summary>
/// Otsu's method for three classes: the two grey values that best split values into three classes (maximum
/// between-class variance), from a 256-bin histogram over the value range, searched exhaustively.
/// </summary>
public static class OtsuThreeClass
{
    /// <summary>The lower and upper thresholds (lower &lt; upper), in the values' units.</summary>
    /// <exception cref="ArgumentException">No finite values, or all values are equal.</exception>
    public static (double Lower, double Upper) Thresholds(IEnumerable<float> values) =>
        FromHistogram(GreyHistogram.Of(values.ToArray()));

    /// <summary>The two thresholds from a histogram (see <see cref="Thresholds"/>).</summary>
    internal static (double Lower, double Upper) FromHistogram(GreyHistogram histogram)
    {
        const int bins = GreyHistogram.Bins;

        // Cumulative weight and first moment of bins [0, b).
        var weight = new double[bins + 1];
        var moment = new double[bins + 1];
        for (var b = 0; b < bins; b++)
        {
            weight[b + 1] = weight[b] + histogram.Counts[b];
            moment[b + 1] = moment[b] + b * histogram.Counts[b];
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

        return (histogram.UpperEdge(cut.Lower - 1), histogram.UpperEdge(cut.Upper - 1));
    }
}
