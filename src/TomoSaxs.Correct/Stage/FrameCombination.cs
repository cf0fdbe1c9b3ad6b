namespace TomoSaxs.Correct.Stage;

/// <summary>
/// Steps 7–13 of the Pauw sequence in closed form (note §4.4): I = G/d·[A_S − (1 − φ)·A_D − φ·A_B] (or
/// G/d·(A_S − A_B) without a buffer), with masked pixels set to the fill value. Pure function over spans.
/// </summary>
public static class FrameCombination
{
    /// <summary>Writes the corrected box into <paramref name="output"/>.</summary>
    /// <param name="sample">A_S per pixel.</param>
    /// <param name="buffer">A_D per pixel, or empty when no buffer is subtracted.</param>
    /// <param name="background">A_B per pixel, or empty when no background is subtracted.</param>
    /// <param name="bufferWeight">Weight of A_D: 1 − φ (or 1 for background-only frames inside a chamber).</param>
    /// <param name="backgroundWeight">Weight of A_B: φ with a buffer, 1 without.</param>
    /// <param name="inverseThickness">1/d in 1/µm, or 1 when not divided by a thickness.</param>
    /// <param name="gain">G per pixel.</param>
    /// <param name="excluded">Masked pixels.</param>
    /// <param name="fill">The masked pixels' value.</param>
    /// <param name="output">The corrected values (float32), per µm of sample when divided by d.</param>
    public static void Combine(ReadOnlySpan<double> sample, ReadOnlySpan<double> buffer, ReadOnlySpan<double> background,
        double bufferWeight, double backgroundWeight, double inverseThickness, ReadOnlySpan<double> gain,
        ReadOnlySpan<bool> excluded, float fill, Span<float> output)
    {
        var n = sample.Length;
        if (gain.Length != n || excluded.Length != n || output.Length != n || (buffer.Length != 0 && buffer.Length != n)
            || (background.Length != 0 && background.Length != n))
        {
            throw new ArgumentException("Every per-pixel array of one frame must have the same length.");
        }

        for (var i = 0; i < n; i++)
        {
            if (excluded[i])
            {
                output[i] = fill;
                continue;
            }

            var value = sample[i];
            if (buffer.Length != 0)
            {
                value -= bufferWeight * buffer[i];
            }

            if (background.Length != 0)
            {
                value -= backgroundWeight * background[i];
            }

            output[i] = (float)(gain[i] * inverseThickness * value);
        }
    }

    /// <summary>(1 − w)·x[lower] + w·x[upper] into <paramref name="destination"/>.</summary>
    public static void Interpolate(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double upperWeight, Span<double> destination)
    {
        if (upperWeight == 0)
        {
            lower.CopyTo(destination);
            return;
        }

        var lowerWeight = 1 - upperWeight;
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = lowerWeight * lower[i] + upperWeight * upper[i];
        }
    }
}
