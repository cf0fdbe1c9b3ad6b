using Xunit.Abstractions;

namespace TomoSaxs.FibreModel.Tests;

/// <summary>I(χ) and sector I(q) profiles and their grids against the reference implementation.</summary>
public sealed class GoldenProfileTests(ITestOutputHelper output)
{
    [Fact]
    public void QGridsAreBitIdenticalToNumpyArange()
    {
        foreach (var profile in GoldenFibreReference.Instance.ChiProfiles)
        {
            var grid = ProfileGrids.QGrid(profile.Q1, profile.Q2, profile.Nq);
            Assert.Equal(profile.QGrid, grid);
        }
    }

    [Fact]
    public void ChiGridsAreBitIdenticalToNumpyLinspace()
    {
        foreach (var profile in GoldenFibreReference.Instance.ChiProfiles)
        {
            Assert.Equal(profile.ChiDeg, ProfileGrids.ChiGrid(profile.Chi1, profile.Chi2, profile.Nchi));
        }
    }

    [Fact]
    public void SectorChiSamplesAreBitIdenticalToTheReference()
    {
        foreach (var profile in GoldenFibreReference.Instance.QProfiles)
        {
            var centre = profile.ChiSamplesDeg[0] + 3.0;
            Assert.Equal(profile.ChiSamplesDeg, ProfileGrids.SectorChi(centre));
        }
    }

    [Fact]
    public void ChiProfilesMatchTheReference()
    {
        var profiles = GoldenFibreReference.Instance.ChiProfiles;
        var worstScaled = 0.0;
        var worstRelative = 0.0;
        for (var p = 0; p < profiles.Count; p++)
        {
            var profile = profiles[p];
            var grid = EwaldGrid.ForChiProfile(profile.Q1, profile.Q2, profile.Nq, profile.Chi1, profile.Chi2, profile.Nchi, profile.WavelengthNm);
            var ichi = FibreProfiles.ChiProfile(grid, profile.Parameters, profile.Orientation, profile.Amp, profile.Weight);
            var scaled = ProfileComparison.WorstScaledError(profile.Ichi, ichi, out var index, out var relative);
            Assert.True(scaled <= 1.0,
                $"I(χ) profile {p}, χ = {profile.ChiDeg[index]}°: {ichi[index]:R} vs reference {profile.Ichi[index]:R}");
            worstScaled = Math.Max(worstScaled, scaled);
            worstRelative = Math.Max(worstRelative, relative);
        }

        output.WriteLine($"I(χ): worst relative error {worstRelative:E3}; worst error / tolerance {worstScaled:E3} over {profiles.Count} profiles");
    }

    [Fact]
    public void SectorQProfilesMatchTheReference()
    {
        var profiles = GoldenFibreReference.Instance.QProfiles;
        var worstScaled = 0.0;
        var worstRelative = 0.0;
        for (var p = 0; p < profiles.Count; p++)
        {
            var profile = profiles[p];
            var grid = EwaldGrid.Create(profile.Q, profile.ChiSamplesDeg, profile.WavelengthNm);
            var iq = FibreProfiles.SectorQProfile(grid, profile.Parameters, profile.Orientation, profile.Amp, profile.Weight);
            var scaled = ProfileComparison.WorstScaledError(profile.Iq, iq, out var index, out var relative);
            Assert.True(scaled <= 1.0,
                $"I(q) profile {p}, q = {profile.Q[index]}: {iq[index]:R} vs reference {profile.Iq[index]:R}");
            worstScaled = Math.Max(worstScaled, scaled);
            worstRelative = Math.Max(worstRelative, relative);
        }

        output.WriteLine($"I(q): worst relative error {worstRelative:E3}; worst error / tolerance {worstScaled:E3} over {profiles.Count} profiles");
    }
}
