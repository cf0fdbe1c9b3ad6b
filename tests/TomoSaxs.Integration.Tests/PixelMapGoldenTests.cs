using Xunit.Abstractions;

namespace TomoSaxs.Integration.Tests;

/// <summary>Per-pixel arrays against pyFAI 0.21.3's qArray, twoThetaArray, chiArray and solidAngleArray.</summary>
public sealed class PixelMapGoldenTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void QMatchesPyFaiWithin1e7Relative(string name)
    {
        var golden = GoldenCase.Load(name);

        var (worst, at) = Compare.MaxRelative(golden.Map.QNm.ToArray(), golden.Expected("pixels/q_nm"));

        output.WriteLine($"{name}: worst relative q error {worst:E2} at pixel {at}");
        Assert.True(worst <= 1e-7, $"q error {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void TwoThetaMatchesPyFaiWithin1e7Relative(string name)
    {
        var golden = GoldenCase.Load(name);

        var (worst, at) = Compare.MaxRelative(golden.Map.TwoThetaRad.ToArray(), golden.Expected("pixels/two_theta_rad"));

        output.WriteLine($"{name}: worst relative 2θ error {worst:E2} at pixel {at}");
        Assert.True(worst <= 1e-7, $"2θ error {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void ChiMatchesPyFaiWithin1e5Degrees(string name)
    {
        var golden = GoldenCase.Load(name);
        var expected = golden.Expected("pixels/chi_deg");
        var chi = golden.Map.ChiPyFaiRad;

        var worst = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            // Compare as angles: a pixel exactly on the ±180° seam may sit on either side.
            var difference = Math.Abs(chi[i] * (180.0 / Math.PI) - expected[i]) % 360.0;
            worst = Math.Max(worst, Math.Min(difference, 360.0 - difference));
        }

        output.WriteLine($"{name}: worst χ error {worst:E2}°");
        Assert.True(worst <= 1e-5, $"χ error {worst:E2}°");
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void SolidAngleMatchesPyFaiWithin1e6Relative(string name)
    {
        var golden = GoldenCase.Load(name);

        var (worst, at) = Compare.MaxRelative(golden.Map.SolidAngle.ToArray(), golden.Expected("pixels/solid_angle"));

        output.WriteLine($"{name}: worst relative solid-angle error {worst:E2} at pixel {at}");
        Assert.True(worst <= 1e-6, $"solid-angle error {worst:E2}");
    }
}
