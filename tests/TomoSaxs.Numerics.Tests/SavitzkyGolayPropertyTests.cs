namespace TomoSaxs.Numerics.Tests;

/// <summary>Properties of Savitzky–Golay smoothing and SciPy's argument checks.</summary>
public sealed class SavitzkyGolayPropertyTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(11)]
    public void PolyOrderOneBelowTheWindowReturnsTheInput(int window)
    {
        // With as many coefficients as samples the fit interpolates every window exactly.
        var y = RandomProblems.Vector(new Random(window), 40, 5);
        var smoothed = SavitzkyGolay.Filter(y, window, window - 1);
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(y[i], smoothed[i], 1e-9 * Math.Max(1, Math.Abs(y[i])));
        }
    }

    [Theory]
    [InlineData(9, 1, 1)]
    [InlineData(9, 1, 0)]
    [InlineData(3, 1, 1)]
    [InlineData(11, 3, 3)]
    [InlineData(11, 3, 2)]
    [InlineData(7, 4, 4)]
    public void APolynomialOfDegreeAtMostPolyOrderIsReproduced(int window, int polyOrder, int degree)
    {
        var coefficients = new[] { 0.7, -1.3, 0.25, -0.04, 0.003 }[..(degree + 1)];
        var y = Enumerable.Range(0, 30).Select(i => Polynomial(coefficients, i)).ToArray();
        var smoothed = SavitzkyGolay.Filter(y, window, polyOrder);
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(y[i], smoothed[i], 1e-9 * Math.Max(1, Math.Abs(y[i])));
        }
    }

    [Fact]
    public void AnEvenWindowIsEvaluatedHalfASampleLaterInTheInteriorAsInScipy()
    {
        // SciPy ≥ 1.8 accepts even windows and centres their fit at i + ½; the edges still evaluate at i.
        double[] line = [2.0, 0.5];
        var y = Enumerable.Range(0, 20).Select(i => Polynomial(line, i)).ToArray();
        var smoothed = SavitzkyGolay.Filter(y, 4, 1);
        for (var i = 0; i < y.Length; i++)
        {
            var interior = i >= 2 && i < y.Length - 2;
            Assert.Equal(Polynomial(line, interior ? i + 0.5 : i), smoothed[i], 1e-12);
        }
    }

    [Fact]
    public void CoefficientsMatchScipyDocumentation()
    {
        // scipy.signal.savgol_coeffs(5, 2) = [-3, 12, 17, 12, -3] / 35.
        var expected = new[] { -3.0, 12, 17, 12, -3 }.Select(v => v / 35).ToArray();
        var actual = SavitzkyGolay.Coefficients(5, 2);
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(expected[k], actual[k], 1e-15);
        }
    }

    [Fact]
    public void ScipyDocumentationExampleIsReproduced()
    {
        // savgol_filter([2, 2, 5, 2, 1, 0, 1, 4, 9], 5, 2) printed to two decimals in SciPy's documentation.
        var smoothed = SavitzkyGolay.Filter([2, 2, 5, 2, 1, 0, 1, 4, 9], 5, 2);
        double[] printed = [1.66, 3.17, 3.54, 2.86, 0.66, 0.17, 1.0, 4.0, 9.0];
        for (var i = 0; i < printed.Length; i++)
        {
            Assert.Equal(printed[i], smoothed[i], 0.005);
        }
    }

    [Fact]
    public void SpanOverloadWritesTheSameValues()
    {
        var y = RandomProblems.Vector(new Random(5), 25);
        var output = new double[25];
        SavitzkyGolay.Filter(y, 9, 1, output);
        Assert.Equal(SavitzkyGolay.Filter(y, 9, 1), output);
    }

    [Theory]
    [InlineData(5, 5, 10, "polynomial order must be less than the window length")]
    [InlineData(3, 7, 10, "polynomial order must be less than the window length")]
    [InlineData(0, 0, 10, "polynomial order must be less than the window length")]
    [InlineData(5, -1, 10, "non-negative")]
    [InlineData(9, 1, 5, "must not exceed the number of samples")]
    [InlineData(3, 1, 2, "must not exceed the number of samples")]   // reference bug B24: short binned segments
    [InlineData(1, 0, 0, "must not exceed the number of samples")]
    public void InvalidArgumentsRaiseArgumentExceptionLikeScipy(int window, int polyOrder, int length, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => SavitzkyGolay.Filter(new double[length], window, polyOrder));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void OutputMustFitAndNotOverlapTheInput()
    {
        var y = new double[10];
        Assert.Throws<ArgumentException>(() => SavitzkyGolay.Filter(y, 3, 1, new double[9]));
        Assert.Throws<ArgumentException>(() => SavitzkyGolay.Filter(y, 3, 1, y));
    }

    private static double Polynomial(double[] coefficients, double t)
    {
        var value = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            value = value * t + coefficients[i];
        }

        return value;
    }
}
