using TomoSaxs.Geometry;
using TomoSaxs.TestSupport;
using Xunit.Abstractions;

namespace TomoSaxs.Integration.Tests;

public sealed class Fit2DConversionTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void PoniToFit2DMatchesPyFaiGetFit2D(string name)
    {
        var golden = GoldenCase.Load(name);
        var expected = golden.Json.GetProperty("fit2d");

        var fit2d = Fit2DGeometry.FromPoni(golden.Poni.Geometry);

        var errors = new[]
        {
            Relative(fit2d.DirectDistanceMm, expected.GetProperty("directDist").GetDouble()),
            Relative(fit2d.CenterXPx, expected.GetProperty("centerX").GetDouble()),
            Relative(fit2d.CenterYPx, expected.GetProperty("centerY").GetDouble()),
            Math.Abs(fit2d.TiltDeg - expected.GetProperty("tilt").GetDouble()),
            Math.Abs(fit2d.TiltPlaneRotationDeg - expected.GetProperty("tiltPlanRotation").GetDouble()),
            Relative(fit2d.PixelXUm, expected.GetProperty("pixelX").GetDouble()),
            Relative(fit2d.PixelYUm, expected.GetProperty("pixelY").GetDouble()),
        };
        output.WriteLine($"{name}: worst error {errors.Max():E2} (relative for lengths, degrees for angles)");
        Assert.All(errors, e => Assert.True(e <= 1e-12, $"error {e:E2}"));
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void Fit2DToPoniMatchesPyFaiSetFit2D(string name)
    {
        var golden = GoldenCase.Load(name);
        var f = golden.Json.GetProperty("fit2d");
        var fit2d = new Fit2DGeometry(
            f.GetProperty("directDist").GetDouble(), f.GetProperty("centerX").GetDouble(), f.GetProperty("centerY").GetDouble(),
            f.GetProperty("tilt").GetDouble(), f.GetProperty("tiltPlanRotation").GetDouble(),
            f.GetProperty("pixelX").GetDouble(), f.GetProperty("pixelY").GetDouble());
        var expected = golden.Poni.Geometry;

        var poni = fit2d.ToPoni(expected.WavelengthNm);

        // pyFAI's own setFit2D reproduces its getFit2D input to ~1e-10 relative (tilted poni1: 6.7e-11).
        var errors = new[]
        {
            Relative(poni.DistanceM, expected.DistanceM),
            Relative(poni.Poni1M, expected.Poni1M),
            Relative(poni.Poni2M, expected.Poni2M),
            Math.Abs(poni.Rot1Rad - expected.Rot1Rad),
            Math.Abs(poni.Rot2Rad - expected.Rot2Rad),
        };
        output.WriteLine($"{name}: worst error {errors.Max():E2} (relative for lengths, radians for rot1/rot2)");
        Assert.All(errors, e => Assert.True(e <= 1e-9, $"error {e:E2}"));
        Assert.Equal(expected.Pixel1Um, poni.Pixel1Um, 12);
        Assert.Equal(expected.WavelengthNm, poni.WavelengthNm);

        // Fit2D cannot express rot3. pyFAI 0.21.3's setFit2D derives it from the tilt (sqrt(10 − …) expression):
        // 0 without tilt, 1.5754090698649748e-08 rad for the tilted case (value printed by pyFAI 0.21.3), not the
        // −0.0901 rad of the original PONI.
        var pyFaiRot3 = name == "flat" ? 0.0 : 1.5754090698649748e-08;
        Assert.Equal(pyFaiRot3, poni.Rot3Rad, 1e-15);
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void Fit2DRoundTripKeepsEverythingButRot3(string name)
    {
        var original = GoldenCase.Load(name).Poni.Geometry;

        var back = Fit2DGeometry.FromPoni(original).ToPoni(original.WavelengthNm);

        // Same closure as pyFAI's own getFit2D → setFit2D (about 1e-10 relative on a tilted PONI).
        Assert.True(Relative(back.DistanceUm, original.DistanceUm) <= 1e-9);
        Assert.True(Relative(back.Poni1Um, original.Poni1Um) <= 1e-9);
        Assert.True(Relative(back.Poni2Um, original.Poni2Um) <= 1e-9);
        Assert.Equal(original.Rot1Rad, back.Rot1Rad, 1e-12);
        Assert.Equal(original.Rot2Rad, back.Rot2Rad, 1e-12);
    }

    [Fact]
    public void DawnCalibrationGivesTheReferencePoniAndItsFlippedCounterpart()
    {
        var geometry = new DawnCalibration(9773.861e3, 685.1, 949.1, 172.0, 172.0, 0.08856015).ToPoni();

        // Values pyFAI 0.21.3 setFit2D(9773.861, 685.1, 949.1, pixelX=172, pixelY=172) gives.
        Assert.Equal(0.16324519999999998, geometry.Poni1M);
        Assert.Equal(0.11783719999999999, geometry.Poni2M);
        Assert.Equal(9.773861, geometry.DistanceM);
        Assert.Equal(0.00017199999999999998, geometry.Pixel1M);
        Assert.Equal(0.08856015, geometry.WavelengthNm);
        Assert.True(geometry.IsUntilted);

        var flippedFile = PoniFile.Read(SharedData.Path("fixtures", "i22", "testSAXSCal_flipped.poni")).Geometry;
        var flipped = geometry.FlippedUpDown(I22Reference.Rows);
        Assert.Equal(flippedFile.Poni1M, flipped.Poni1M, 1e-12);
        Assert.Equal(flippedFile.Poni2M, flipped.Poni2M, 1e-12);
    }

    private static double Relative(double actual, double expected) =>
        Math.Abs(actual - expected) / Math.Abs(expected);
}
