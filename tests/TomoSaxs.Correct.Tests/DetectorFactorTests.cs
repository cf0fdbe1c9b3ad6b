using System.Numerics;
using TomoSaxs.Correct.Detector;

namespace TomoSaxs.Correct.Tests;

/// <summary>Each Pauw factor against the reference table of background-correction note §4.4 (L = 9773.861 mm,
/// 0.172 mm pixels, T = 0.5), to the digits the table gives.</summary>
public class DetectorFactorTests
{
    private static double TwoTheta(double radiusPx) => Math.Atan(radiusPx * 0.172 / 9773.861);

    [Theory]
    [InlineData(100, 1.7597940e-3, 0.99999535470, 1176.9688, 0.99999845156, 0.99999946337)]
    [InlineData(1000, 1.7596142e-2, 0.99953564755, 1176.7885, 0.99984520387, 0.99994634121)]
    public void Factors_match_the_reference_table(double radiusPx, double twoTheta, double cos3, double inverseEfficiency, double polarisation, double selfAbsorption)
    {
        var t = TwoTheta(radiusPx);
        var sec = 1 / Math.Cos(t);
        Assert.Equal(twoTheta, t, twoTheta * 1e-7);
        Assert.Equal(cos3, SolidAngle.Factor(t), 1e-11);
        Assert.Equal(inverseEfficiency, 1 / SensorEfficiency.Efficiency(0.85e-3, sec), 1e-4);
        // p = 0.5: P = 1 − ½ sin²2θ at any azimuth.
        Assert.Equal(polarisation, Polarisation.Factor(t, 0.3, 0.5), 1e-11);
        Assert.Equal(polarisation, Polarisation.Factor(t, 2.0, 0.5), 1e-11);
        // 1e-10, not 1e-11: the table's value evaluates 1 − T^(σ−1) directly, losing ~1e-10 to cancellation at σ − 1 ≈ 1.5e-6
        // (we avoid it and agree with the series (eˣ − 1)/x, x = (σ−1)·ln T, to 1e-12).
        Assert.Equal(selfAbsorption, SelfAbsorption.Factor(0.5, sec), 1e-10);
        var x = (sec - 1) * Math.Log(0.5);
        Assert.Equal(1 + x / 2 + x * x / 6 + x * x * x / 24, SelfAbsorption.Factor(0.5, sec), 1e-12);
    }

    [Fact]
    public void Lambert_w_is_the_principal_branch()
    {
        var minusOne = LambertW.Principal(-1);
        Assert.Equal(-0.31813, minusOne.Real, 5);
        Assert.Equal(1.33724, minusOne.Imaginary, 5);
        var minusFive = LambertW.Principal(-5);
        Assert.Equal(0.84484, minusFive.Real, 5);
        Assert.Equal(1.97501, minusFive.Imaginary, 5);
        foreach (var z in new Complex[] { -1e-8, -0.2, 0.5, 3, -1e6 })
        {
            var w = LambertW.Principal(z);
            Assert.True(Complex.Abs(w * Complex.Exp(w) - z) <= 1e-12 * Math.Max(1, Complex.Abs(z)), $"W({z}) = {w}");
        }
    }

    [Fact]
    public void Dead_time_matches_the_reference_numbers()
    {
        var p = DeadTime.Paralysis(1, 2e-6, 3e-6);
        Assert.Equal(1005.03784, DeadTime.TrueCounts(1000, p), 1e-5);
        Assert.Equal(158804.73, DeadTime.TrueCounts(1e5, p), 1e-2);
        // The forward model m = N·exp(−pN) is undone below the branch point.
        var n = 20000.0;
        Assert.Equal(n, DeadTime.TrueCounts(n * Math.Exp(-p * n), p), 1e-7);
    }
}
