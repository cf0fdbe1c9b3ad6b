namespace TomoSaxs.FibreModel.Tests;

/// <summary>
/// The agreement measure of the golden tests: relative error, except that values below 1e-12 of their profile's
/// maximum are compared absolutely against 1e-12 of that maximum (the far tails are exp(−large) and only their
/// negligibility matters).
/// </summary>
internal static class ProfileComparison
{
    public const double RelativeTolerance = 1e-9;
    public const double TailFraction = 1e-12;

    /// <summary>The worst normalised error: ≤ 1 means every value passes.</summary>
    public static double WorstScaledError(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, out int worstIndex, out double worstRelative)
    {
        Assert.Equal(expected.Length, actual.Length);
        var max = 0.0;
        foreach (var v in expected)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        var floor = TailFraction * max;
        var worst = 0.0;
        worstIndex = -1;
        worstRelative = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            var diff = Math.Abs(actual[i] - expected[i]);
            double scaled;
            if (Math.Abs(expected[i]) < floor)
            {
                scaled = floor > 0 ? diff / floor : diff;
            }
            else
            {
                var relative = expected[i] == 0 ? diff : diff / Math.Abs(expected[i]);
                worstRelative = Math.Max(worstRelative, relative);
                scaled = relative / RelativeTolerance;
            }

            if (scaled > worst || worstIndex < 0)
            {
                worst = Math.Max(worst, scaled);
                worstIndex = i;
            }
        }

        return worst;
    }
}
