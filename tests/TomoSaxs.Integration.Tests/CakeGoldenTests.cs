using Xunit.Abstractions;

namespace TomoSaxs.Integration.Tests;

/// <summary>
/// The 2-D cake against pyFAI 0.21.3 integrate2d_ng(npt_rad=100, npt_azim=360, radial_range=(0.15, 0.40),
/// method bbox/CSR) with no azimuth range: the χ axis is pyFAI's data-derived default.
/// </summary>
public sealed class CakeGoldenTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void CakeMatchesWithin1e3InBinsOfTenPixelsOrMore(string name)
    {
        var golden = GoldenCase.Load(name);
        var op = CakeOperator.Build(golden.Map, golden.Mask, new CakeSpec(100, 360, GoldenCase.IntegrationRangeNm));

        var intensity = op.Integrate<float>(golden.Frame);

        var expected = golden.Expected("i2d_bbox_csr/intensity");
        var coverage = op.Matrix.Coverage.ToArray();
        var populated = Enumerable.Range(0, expected.Length).Count(i => coverage[i] >= 10.0);
        var (worst, at) = Compare.MaxRelative(intensity, expected, i => coverage[i] >= 10.0);
        var (worstAll, atAll) = Compare.MaxRelative(intensity, expected);
        output.WriteLine($"{name}: {populated} bins with ≥ 10 pixels, worst relative error {worst:E2} at bin {at}; " +
                         $"over all non-empty bins {worstAll:E2} at bin {atAll}");
        Assert.True(worst <= 1e-3, $"cake error {worst:E2} at bin {at}");
        Assert.Empty(Compare.EmptyMismatches(intensity, expected));
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void CakeAxesMatchIncludingTheDataDerivedAzimuthRange(string name)
    {
        var golden = GoldenCase.Load(name);
        var op = CakeOperator.Build(golden.Map, golden.Mask, new CakeSpec(100, 360, GoldenCase.IntegrationRangeNm));

        // χ range = [min(χ − Δχ), max(χ + Δχ)] over unmasked pixels, clipped to ±π(float32): the flat case's masked
        // beamstop arm keeps it inside ±π (centres −178.93 … 178.97°); the tilted case reaches the clip.
        var worstQ = Compare.MaxAbsolute(op.QCentresNm, golden.Expected("i2d_bbox_csr/q_nm"));
        var worstChi = Compare.MaxAbsolute(op.ChiCentresDeg, golden.Expected("i2d_bbox_csr/chi_deg"));
        output.WriteLine($"{name}: worst q-centre difference {worstQ:E2} nm⁻¹, χ-centre difference {worstChi:E2}°");
        Assert.True(worstQ <= 1e-12, $"q centres differ by {worstQ:E2}");
        Assert.True(worstChi <= 1e-9, $"χ centres differ by {worstChi:E2}°");
    }
}
