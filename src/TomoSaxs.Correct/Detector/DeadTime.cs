namespace TomoSaxs.Correct.Detector;

/// <summary>
/// The paralysable dead-time model of the Pauw sequence (note §4.4 step 2): measured m = N·exp(−p·N) with
/// p = (pulse + arrival separation)/t, inverted as N = −Re[W₀(−p·m)]/p. Past p·m = 1/e the model has no real
/// inverse and, like adcorr, the real part is taken (the result then falls with m; flagged by the caller).
/// </summary>
public static class DeadTime
{
    /// <summary>p = (pulse + arrival separation) / count time, 1/count.</summary>
    /// <param name="countTimeS">Exposure, s (&gt; 0).</param>
    /// <param name="pulseSeparationS">Minimum pulse separation, s.</param>
    /// <param name="arrivalSeparationS">Minimum arrival separation, s.</param>
    public static double Paralysis(double countTimeS, double pulseSeparationS, double arrivalSeparationS)
    {
        if (!(countTimeS > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(countTimeS), countTimeS, "The count time must be positive for the dead-time model.");
        }

        return (pulseSeparationS + arrivalSeparationS) / countTimeS;
    }

    /// <summary>The true counts N of one pixel from measured counts m, with paralysis p from <see cref="Paralysis"/>.</summary>
    public static double TrueCounts(double measured, double paralysis) =>
        paralysis == 0 || measured == 0 ? measured : -LambertW.Principal(-paralysis * measured).Real / paralysis;

    /// <summary>Replaces every value of <paramref name="counts"/> by its true counts (NaN stays NaN).</summary>
    public static void Apply(Span<double> counts, double paralysis)
    {
        if (paralysis == 0)
        {
            return;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            if (double.IsFinite(counts[i]))
            {
                counts[i] = TrueCounts(counts[i], paralysis);
            }
        }
    }
}
