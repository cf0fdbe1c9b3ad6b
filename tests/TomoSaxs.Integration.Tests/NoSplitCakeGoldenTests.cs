using Xunit.Abstractions;

namespace TomoSaxs.Integration.Tests;

/// <summary>
/// The no-split 2-D cake against pyFAI 0.21.3 integrate2d_ng(npt_rad=100, npt_azim=360, radial_range=(0.15, 0.40),
/// method=("no", "histogram", "cython")) with no azimuth range (Data/{case}_nosplit.h5, see Data/README.md).
/// </summary>
public sealed class NoSplitCakeGoldenTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void CakeMatchesWithin1e3InBinsOfTenPixelsOrMore(string name)
    {
        var golden = GoldenCase.Load(name);
        var op = Build(golden);

        var intensity = op.Integrate<float>(golden.Frame);

        var expected = golden.NoSplit("i2d_no_histogram/intensity");
        var coverage = op.Matrix.Coverage.ToArray();
        var populated = Enumerable.Range(0, expected.Length).Count(i => coverage[i] >= 10.0);
        var (worst, at) = Compare.MaxRelative(intensity, expected, i => coverage[i] >= 10.0);
        var (worstAll, atAll) = Compare.MaxRelative(intensity, expected);
        var empty = expected.Count(v => v == 0.0);
        output.WriteLine($"{name}: {populated} bins with ≥ 10 pixels, worst relative error {worst:E2} at bin {at}; " +
                         $"over all non-empty bins {worstAll:E2} at bin {atAll}; {empty} empty bins");
        Assert.True(worst <= 1e-3, $"no-split cake error {worst:E2} at bin {at}");
        Assert.Empty(Compare.EmptyMismatches(intensity, expected));
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void EveryBinHoldsThePixelsPyFaiCounts(string name)
    {
        var golden = GoldenCase.Load(name);
        var op = Build(golden);

        // pyFAI's count is the number of valid pixels per bin; a difference would mean a pixel binned differently.
        var expected = golden.NoSplit("i2d_no_histogram/count");
        var worst = Compare.MaxAbsolute(op.Matrix.Coverage.ToArray(), expected);

        output.WriteLine($"{name}: {expected.Sum()} pixels binned by pyFAI; worst per-bin count difference {worst}");
        Assert.Equal(0.0, worst);
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void CakeAxesMatchIncludingTheDataDerivedAzimuthRange(string name)
    {
        var golden = GoldenCase.Load(name);
        var op = Build(golden);

        // Without splitting the default χ range is [min χ, max χ] over all pixel centres, masked ones included.
        var worstQ = Compare.MaxAbsolute(op.QCentresNm, golden.NoSplit("i2d_no_histogram/q_nm"));
        var worstChi = Compare.MaxAbsolute(op.ChiCentresDeg, golden.NoSplit("i2d_no_histogram/chi_deg"));
        output.WriteLine($"{name}: worst q-centre difference {worstQ:E2} nm⁻¹, χ-centre difference {worstChi:E2}°");
        Assert.True(worstQ <= 1e-12, $"q centres differ by {worstQ:E2}");
        Assert.True(worstChi <= 1e-9, $"χ centres differ by {worstChi:E2}°");
    }

    private static CakeOperator Build(GoldenCase golden) =>
        CakeOperator.Build(golden.Map, golden.Mask,
            new CakeSpec(100, 360, GoldenCase.IntegrationRangeNm, Splitting: PixelSplitting.None));
}
