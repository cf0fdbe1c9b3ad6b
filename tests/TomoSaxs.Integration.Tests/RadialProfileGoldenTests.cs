using Xunit.Abstractions;

namespace TomoSaxs.Integration.Tests;

/// <summary>I(q) against pyFAI 0.21.3 integrate1d_ng(npt=300, radial_range=(0.15, 0.40), mask, solid angle).</summary>
public sealed class RadialProfileGoldenTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void NoSplitHistogramMatchesWithin1e5(string name)
    {
        var golden = GoldenCase.Load(name);
        var op = RadialProfileOperator.Build(golden.Map, golden.Mask,
            new RadialProfileSpec(300, PixelSplitting.None, GoldenCase.IntegrationRangeNm));

        var intensity = op.Integrate<float>(golden.Frame);

        var expected = golden.Expected("i1d_no_histogram/intensity");
        var (worst, at) = Compare.MaxRelative(intensity, expected);
        output.WriteLine($"{name}: worst relative error {worst:E2} at bin {at}");
        Assert.True(worst <= 1e-5, $"no-split I(q) error {worst:E2} at bin {at}");
        Assert.Empty(Compare.EmptyMismatches(intensity, expected));
        AssertCentres(op, golden.Expected("i1d_no_histogram/x"), name);
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void BoundingBoxSplitMatchesWithin1e4(string name)
    {
        var golden = GoldenCase.Load(name);
        var op = RadialProfileOperator.Build(golden.Map, golden.Mask,
            new RadialProfileSpec(300, PixelSplitting.BoundingBox, GoldenCase.IntegrationRangeNm));

        var intensity = op.Integrate<float>(golden.Frame);

        var expected = golden.Expected("i1d_bbox_csr/intensity");
        var (worst, at) = Compare.MaxRelative(intensity, expected);
        output.WriteLine($"{name}: worst relative error {worst:E2} at bin {at}");
        Assert.True(worst <= 1e-4, $"bbox I(q) error {worst:E2} at bin {at}");
        Assert.Empty(Compare.EmptyMismatches(intensity, expected));
        AssertCentres(op, golden.Expected("i1d_bbox_csr/x"), name);
    }

    private void AssertCentres(RadialProfileOperator op, double[] expected, string name)
    {
        // The golden x array starts at 0.15 + ½·(0.4·(1 + 2⁻²³) − 0.15)/300: it confirms the range (0.15, 0.40) and
        // pyFAI's float32-epsilon widening of the upper edge.
        var worst = Compare.MaxAbsolute(op.QCentresNm, expected);
        output.WriteLine($"{name}: worst bin-centre difference {worst:E2} nm⁻¹");
        Assert.True(worst <= 1e-12, $"bin centres differ by {worst:E2}");
    }
}
