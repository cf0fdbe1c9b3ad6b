using Xunit.Abstractions;

namespace TomoSaxs.Integration.Tests;

/// <summary>
/// Band-mean I(χ) against pyFAI 0.21.3 integrate_radial(npt=90, npt_rad=30, radial_unit=q_nm^-1,
/// radial_range=band, azimuth_range=half, mask) for the three bands on both left quadrants.
/// </summary>
public sealed class AzimuthalBandGoldenTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Profiles =>
        from name in new[] { "flat", "tilted" }
        from band in new[] { "peak", "inner", "outer" }
        from half in new[] { "lowerleft", "upperleft" }
        select new object[] { name, band, half };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void BandMeanMatchesWithin1e4(string name, string band, string half)
    {
        var golden = GoldenCase.Load(name);
        var op = Build(golden, band, half);

        var intensity = op.Integrate<float>(golden.Frame);

        var group = $"radial_{band}_{half}";
        var expected = golden.Expected($"{group}/intensity");
        var (worst, at) = Compare.MaxRelative(intensity, expected);
        var empty = expected.Count(v => v == 0.0);
        output.WriteLine($"{name} {group}: worst relative error {worst:E2} at bin {at}; {empty} empty bins");
        Assert.True(worst <= 1e-4, $"{group} error {worst:E2} at bin {at}");
        Assert.Empty(Compare.EmptyMismatches(intensity, expected));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ChiCentresMatch(string name, string band, string half)
    {
        var golden = GoldenCase.Load(name);
        var op = Build(golden, band, half);

        var worst = Compare.MaxAbsolute(op.ChiCentresDeg, golden.Expected($"radial_{band}_{half}/x"));

        output.WriteLine($"{name} {band} {half}: worst χ-centre difference {worst:E2}°");
        Assert.True(worst <= 1e-9, $"χ centres differ by {worst:E2}°");
    }

    private static AzimuthalBandOperator Build(GoldenCase golden, string band, string half)
    {
        var range = half == "lowerleft" ? new ValueRange(-180, -90) : new ValueRange(90, 180);
        return AzimuthalBandOperator.Build(golden.Map, golden.Mask, new AzimuthalBandSpec(golden.Band(band), 90, range));
    }
}
