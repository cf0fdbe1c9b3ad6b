using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Register.Horizontal;
using TomoSaxs.Register.Tests.Support;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Horizontal;

public class KaptonWallsTests(ITestOutputHelper output)
{
    private const double Outer = 2000, Inner = 1875, Step = 50;
    private static readonly double Sigma = Step / 2.3548;

    /// <summary>
    /// Frame sums of a raster across the tube: Kapton chord × 1 plus a sample chord × 0.4 (an ellipse off the tube
    /// axis), beam-averaged, over a baseline of 20 with noise σ = 3 (Kapton peak ≈ 1370).
    /// </summary>
    private static (double[] Profile, double[] X) FrameSums(double centre, double firstX, int count, double step, int seed)
    {
        var gaussian = Noise.Gaussian(seed);
        var x = Enumerable.Range(0, count).Select(i => firstX + i * step).ToArray();
        var profile = x.Select(xi => 20 + 3 * gaussian() + Chords.BeamAverage(
            t => Chords.Annulus(Outer, Inner, t - centre) + 0.4 * Chords.Disc(900, t - centre - 350), xi, Sigma)).ToArray();
        return (profile, x);
    }

    /// <summary>Where the beam-averaged Kapton chord is longest, from the tube axis (µm): the wall peak's true place.</summary>
    private static readonly Lazy<double> PeakRadius = new(() =>
        Enumerable.Range(0, 1500).Select(i => Inner - 50 + 0.1 * i)
            .MaxBy(d => Chords.BeamAverage(t => Chords.Annulus(Outer, Inner, t), d, Sigma)));

    [Theory]
    [InlineData(12_345.6, 0.0, 1)]
    [InlineData(-3_210.9, 17.0, 1)]
    [InlineData(731.2, 31.0, -1)] // raster running in −x
    public void Both_walls_and_the_centre_within_half_a_step(double centre, double phase, int direction)
    {
        // The raster starts 3300 µm from the centre (plus a sampling phase) and runs towards and past it.
        var (profile, x) = FrameSums(centre, centre - direction * (3300 + phase), 140, direction * Step, seed: 11);
        var walls = KaptonWalls.Find(profile, x, new KaptonWallOptions { ExpectedSeparationUm = 2 * Inner });
        var peak = PeakRadius.Value;
        var (leftError, rightError, centreError) = (Math.Abs(walls.LeftUm - (centre - peak)), Math.Abs(walls.RightUm - (centre + peak)), Math.Abs(walls.CentreUm - centre));
        output.WriteLine($"centre {centre}: wall peaks at ±{peak:F1} µm (inner radius {Inner}); wall errors {leftError:F1} and {rightError:F1} µm, " +
            $"centre error {centreError:F1} µm (tolerance {Step / 2} µm = half a step)");
        Assert.True(walls.BothWalls);
        Assert.True(leftError <= Step / 2, $"left wall off by {leftError} µm");
        Assert.True(rightError <= Step / 2, $"right wall off by {rightError} µm");
        Assert.True(centreError <= Step / 2, $"centre off by {centreError} µm");
        Assert.True(walls.LeftProminence > 0.5 && walls.RightProminence > 0.5);
    }

    [Fact]
    public void One_wall_in_the_raster_places_the_centre_by_the_expected_separation()
    {
        // The raster starts inside the tube: only the right wall is seen.
        var (profile, x) = FrameSums(centre: 1000, firstX: 0, count: 80, step: Step, seed: 12);
        var walls = KaptonWalls.Find(profile, x, new KaptonWallOptions { ExpectedSeparationUm = 2 * Inner });
        Assert.False(walls.BothWalls);
        Assert.True(double.IsNaN(walls.LeftUm));
        Assert.True(Math.Abs(walls.CentreUm - 1000) <= Step / 2, $"centre {walls.CentreUm}");
    }

    [Fact]
    public void A_flat_profile_is_a_clear_error()
    {
        var x = Enumerable.Range(0, 50).Select(i => i * Step).ToArray();
        var error = Assert.Throws<TubeNotFoundException>(() => KaptonWalls.Find(new double[50], x, what: "angle 45°"));
        Assert.Contains("No Kapton wall in angle 45°", error.Message);
    }

    [Fact]
    public void Peaks_not_a_tube_apart_are_a_clear_error()
    {
        var (profile, x) = FrameSums(centre: 0, firstX: -3300, count: 140, step: Step, seed: 13);
        var error = Assert.Throws<TubeNotFoundException>(() =>
            KaptonWalls.Find(profile, x, new KaptonWallOptions { ExpectedSeparationUm = 6000 }, "angle 0°"));
        Assert.Contains("should be 6000.0 µm", error.Message);
    }

    [Fact]
    public void Raster_profiles_are_summed_over_slices()
    {
        var (a, x) = FrameSums(centre: 500, firstX: -3000, count: 140, step: Step, seed: 14);
        var (b, _) = FrameSums(centre: 500, firstX: -3000, count: 140, step: Step, seed: 15);
        var sums = new double[2, a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            (sums[0, i], sums[1, i]) = (a[i], b[i]);
        }

        var walls = KaptonWalls.FindInRaster(sums, x);
        Assert.True(Math.Abs(walls.CentreUm - 500) <= Step / 2);
    }

    [Fact]
    public void A_pinned_centre_bypasses_the_estimate_and_keeps_the_walls_for_the_report()
    {
        var (profile, x) = FrameSums(centre: 500, firstX: -3000, count: 140, step: Step, seed: 16);
        var sums = new double[1, profile.Length];
        for (var i = 0; i < profile.Length; i++)
        {
            sums[0, i] = profile[i];
        }

        var walls = KaptonWalls.FindInRaster(sums, x, pinnedCentreUm: 480);
        Assert.Equal(Calibrate.Estimates.EstimateSource.Pinned, walls.Source);
        Assert.Equal(480, walls.CentreUm);
        Assert.True(Math.Abs(0.5 * (walls.LeftUm + walls.RightUm) - 500) <= Step / 2, "the walls found are still reported");
        var flat = KaptonWalls.FindInRaster(new double[1, 50], x[..50], pinnedCentreUm: 480);
        Assert.True(double.IsNaN(flat.LeftUm) && flat.CentreUm == 480);
    }
}
