using Xunit.Abstractions;

namespace TomoSaxs.Integration.Tests;

/// <summary>
/// No-split band-mean I(χ) against pyFAI 0.21.3 integrate_radial(npt=90, npt_rad=30, radial_unit=q_nm^-1,
/// radial_range=band, azimuth_range=half, mask, method=("no", "histogram", "cython")) for the three bands on both
/// left quadrants (Data/{case}_nosplit.h5, see Data/README.md).
/// </summary>
public sealed class NoSplitAzimuthalBandGoldenTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Profiles => AzimuthalBandGoldenTests.Profiles;

    [Theory]
    [MemberData(nameof(Profiles))]
    public void BandMeanMatchesWithin1e4(string name, string band, string half)
    {
        var golden = GoldenCase.Load(name);
        var op = Build(golden, band, half);

        var intensity = op.Integrate<float>(golden.Frame);

        var group = $"radial_{band}_{half}";
        var expected = golden.NoSplit($"{group}/intensity");
        var (worst, at) = Compare.MaxRelative(intensity, expected);
        var empty = expected.Count(v => v == 0.0);
        output.WriteLine($"{name} {group}: worst relative error {worst:E2} at bin {at}; {empty} empty bins");
        Assert.True(worst <= 1e-4, $"{group} error {worst:E2} at bin {at}");
        Assert.Empty(Compare.EmptyMismatches(intensity, expected));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void EveryChiBinHoldsThePixelsPyFaiCounts(string name, string band, string half)
    {
        var golden = GoldenCase.Load(name);
        var op = Build(golden, band, half);

        // integrate_radial's count: valid pixels per χ bin summed over the radial bins.
        var expected = golden.NoSplit($"radial_{band}_{half}/count");
        var worst = Compare.MaxAbsolute(op.Matrix.Coverage.ToArray(), expected);

        output.WriteLine($"{name} {band} {half}: {expected.Sum()} pixels; worst per-bin count difference {worst}");
        Assert.Equal(0.0, worst);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ChiCentresMatch(string name, string band, string half)
    {
        var golden = GoldenCase.Load(name);
        var op = Build(golden, band, half);

        var worst = Compare.MaxAbsolute(op.ChiCentresDeg, golden.NoSplit($"radial_{band}_{half}/x"));

        output.WriteLine($"{name} {band} {half}: worst χ-centre difference {worst:E2}°");
        Assert.True(worst <= 1e-9, $"χ centres differ by {worst:E2}°");
    }

    private static AzimuthalBandOperator Build(GoldenCase golden, string band, string half)
    {
        var range = half == "lowerleft" ? new ValueRange(-180, -90) : new ValueRange(90, 180);
        return AzimuthalBandOperator.Build(golden.Map, golden.Mask,
            new AzimuthalBandSpec(golden.Band(band), 90, range, Splitting: PixelSplitting.None));
    }
}
