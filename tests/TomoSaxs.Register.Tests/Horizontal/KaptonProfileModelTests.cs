using TomoSaxs.Register.Horizontal;
using TomoSaxs.Register.Tests.Support;

namespace TomoSaxs.Register.Tests.Horizontal;

/// <summary>The profile fit finds the tube centre whatever the raster's phase, where the wall-peak midpoint is biased.</summary>
public sealed class KaptonProfileModelTests
{
    private const double Outer = 2_000, Inner = 1_875, Step = 100;

    [Fact]
    public void Fitted_centre_is_within_a_micrometre_at_every_raster_phase()
    {
        var sigma = Step / 2.3548;
        var model = new KaptonProfileModel(Outer, Inner, sigma);
        double worstFit = 0, worstPeaks = 0;
        foreach (var phase in new[] { 0.0, 13.0, 27.5, 41.0, 50.0, 66.0, 88.0 })
        {
            var centre = 12_450.0 + phase;
            var x = Enumerable.Range(0, 50).Select(i => 10_030.0 + Step * i).ToArray();
            // Kapton plus buffer inside plus a lopsided sample well inside the walls.
            var profile = x.Select(position => 40 + Chords.BeamAverage(
                t => 3 * Chords.Annulus(Outer, Inner, t - centre) + 0.2 * Chords.Disc(Inner, t - centre) + 0.2 * Chords.Disc(1_300, t - centre - 150),
                position, sigma)).ToArray();
            var walls = KaptonWalls.Find(profile, x, new KaptonWallOptions { ExpectedSeparationUm = 2 * Inner });

            var fitted = model.FitCentre(profile, x, walls.CentreUm, Step, 2 * Step);

            worstFit = Math.Max(worstFit, Math.Abs(fitted - centre));
            worstPeaks = Math.Max(worstPeaks, Math.Abs(walls.CentreUm - centre));
        }

        Assert.True(worstFit <= 1, $"fit {worstFit:F2} µm");
        Assert.True(worstPeaks > worstFit, $"peaks {worstPeaks:F2} µm, fit {worstFit:F2} µm");
    }

    [Fact]
    public void Radii_must_be_ordered_and_positive() =>
        Assert.Throws<ArgumentException>(() => new KaptonProfileModel(1_000, 1_200, 40));
}
