using Xunit.Abstractions;

namespace TomoSaxs.Numerics.Tests;

/// <summary>Savitzky–Golay smoothing against SciPy 1.10.1 savgol_filter(mode='interp').</summary>
public sealed class SavitzkyGolayGoldenTests(ITestOutputHelper output)
{
    public static TheoryData<int> Cases => new(Enumerable.Range(0, ScipyReference.Instance.Savgol.Count));

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScipyWithinOneInTenBillion(int caseIndex)
    {
        var golden = ScipyReference.Instance.Savgol[caseIndex];
        Assert.Equal("interp", golden.Mode);
        var smoothed = SavitzkyGolay.Filter(golden.Y, golden.Window, golden.PolyOrder);
        var worst = 0.0;
        for (var i = 0; i < smoothed.Length; i++)
        {
            var diff = Math.Abs(smoothed[i] - golden.Smoothed[i]);
            Assert.True(diff <= 1e-10, $"window {golden.Window}, order {golden.PolyOrder}, n {golden.Y.Length}: [{i}] = {smoothed[i]:R}, SciPy {golden.Smoothed[i]:R}");
            worst = Math.Max(worst, diff);
        }

        output.WriteLine($"window {golden.Window}, order {golden.PolyOrder}, n = {golden.Y.Length}: worst |Δ| = {worst:E2}");
    }
}
