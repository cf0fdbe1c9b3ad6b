namespace TomoSaxs.Numerics;

/// <summary>
/// Savitzky–Golay smoothing identical to SciPy 1.10.1 <c>scipy.signal.savgol_filter(x, window_length, polyorder,
/// deriv=0, mode='interp')</c>, the filter the reference method applies to I(χ) segments (window 9, order 1 on raw
/// bins; window 3, order 1 on bins of 4). Values keep the unit of the input.
/// </summary>
/// <remarks>
/// <para>Interior points are the least-squares polynomial of degree <c>polyOrder</c> fitted to the
/// <c>windowLength</c> samples around them; in <c>interp</c> mode the first and last ⌊w/2⌋ outputs instead
/// evaluate the polynomial fitted to the first and last w samples.</para>
/// <para>Like SciPy ≥ 1.8 an even window is accepted: SciPy then centres the fit half a sample to the right
/// (output i is the fit's value at i + ½, from samples i − w/2 + 1 … i + w/2), and that is reproduced here.</para>
/// <para>Argument checks follow SciPy's order and conditions: polyorder &lt; window_length, then (interp)
/// window_length ≤ len(x). Only <c>deriv = 0</c> and mode <c>interp</c> are provided.</para>
/// </remarks>
public static class SavitzkyGolay
{
    /// <summary>Smooths <paramref name="x"/> with a window of <paramref name="windowLength"/> samples and a
    /// polynomial of degree <paramref name="polyOrder"/>; returns a new array of the same length and unit.</summary>
    /// <exception cref="ArgumentException">polyOrder is negative or not below windowLength, or windowLength
    /// exceeds the number of samples.</exception>
    public static double[] Filter(ReadOnlySpan<double> x, int windowLength, int polyOrder)
    {
        var y = new double[x.Length];
        Filter(x, windowLength, polyOrder, y);
        return y;
    }

    /// <summary>Smooths <paramref name="x"/> into <paramref name="output"/> (same length, must not overlap the
    /// input); see <see cref="Filter(ReadOnlySpan{double}, int, int)"/>.</summary>
    public static void Filter(ReadOnlySpan<double> x, int windowLength, int polyOrder, Span<double> output)
    {
        CheckArguments(x.Length, windowLength, polyOrder);
        if (output.Length != x.Length)
        {
            throw new ArgumentException($"The output holds {output.Length} values but the input has {x.Length}.", nameof(output));
        }

        if (x.Overlaps(output))
        {
            throw new ArgumentException("The output must not overlap the input.", nameof(output));
        }

        var fit = new WindowPolynomialFit(windowLength, polyOrder);
        var n = x.Length;
        var half = windowLength / 2;
        // Offset of the first window sample relative to the output index: ⌊(w − 1)/2⌋ for odd and even w.
        var lead = (windowLength - 1) / 2;
        var centreWeights = fit.Weights((windowLength - 1) / 2.0);
        for (var i = half; i < n - half; i++)
        {
            output[i] = Dot(centreWeights, x.Slice(i - lead, windowLength));
        }

        var first = x[..windowLength];
        var last = x[(n - windowLength)..];
        for (var t = 0; t < half; t++)
        {
            output[t] = Dot(fit.Weights(t), first);
            var local = windowLength - half + t;
            output[n - half + t] = Dot(fit.Weights(local), last);
        }
    }

    /// <summary>
    /// The smoothing weights of interior points in dot (not convolution) order: output[i] = Σ_k c_k·x[i − ⌊(w−1)/2⌋ + k].
    /// For odd windows they are symmetric and equal SciPy's <c>savgol_coeffs(w, p)</c>.
    /// </summary>
    public static double[] Coefficients(int windowLength, int polyOrder)
    {
        CheckOrder(windowLength, polyOrder);
        return new WindowPolynomialFit(windowLength, polyOrder).Weights((windowLength - 1) / 2.0);
    }

    private static void CheckArguments(int length, int windowLength, int polyOrder)
    {
        CheckOrder(windowLength, polyOrder);
        if (windowLength > length)
        {
            throw new ArgumentException(
                $"In 'interp' mode the window length must not exceed the number of samples (window {windowLength}, {length} samples).",
                nameof(windowLength));
        }
    }

    private static void CheckOrder(int windowLength, int polyOrder)
    {
        if (polyOrder < 0)
        {
            throw new ArgumentException($"The polynomial order must be non-negative (got {polyOrder}).", nameof(polyOrder));
        }

        if (polyOrder >= windowLength)
        {
            throw new ArgumentException(
                $"The polynomial order must be less than the window length (order {polyOrder}, window {windowLength}).",
                nameof(polyOrder));
        }
    }

    private static double Dot(ReadOnlySpan<double> weights, ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        for (var k = 0; k < weights.Length; k++)
        {
            sum += weights[k] * values[k];
        }

        return sum;
    }
}
