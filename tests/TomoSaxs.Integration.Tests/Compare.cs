namespace TomoSaxs.Integration.Tests;

/// <summary>Error measures used by the parity tests.</summary>
internal static class Compare
{
    /// <summary>Worst |a − e| / |e| over indices where <paramref name="include"/> holds and e ≠ 0.</summary>
    public static (double Worst, int Index) MaxRelative(IReadOnlyList<double> actual, IReadOnlyList<double> expected, Func<int, bool>? include = null)
    {
        Assert.Equal(expected.Count, actual.Count);
        var worst = 0.0;
        var at = -1;
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] == 0.0 || (include is not null && !include(i)))
            {
                continue;
            }

            var error = Math.Abs(actual[i] - expected[i]) / Math.Abs(expected[i]);
            if (at < 0 || error > worst)
            {
                worst = error;
                at = i;
            }
        }

        return (worst, at);
    }

    /// <summary>Worst |a − e|.</summary>
    public static double MaxAbsolute(IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        Assert.Equal(expected.Count, actual.Count);
        var worst = 0.0;
        for (var i = 0; i < expected.Count; i++)
        {
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
        }

        return worst;
    }

    /// <summary>Indices where exactly one of the two is zero (empty-bin disagreement).</summary>
    public static int[] EmptyMismatches(IReadOnlyList<double> actual, IReadOnlyList<double> expected) =>
        Enumerable.Range(0, expected.Count).Where(i => (actual[i] == 0.0) != (expected[i] == 0.0)).ToArray();
}
