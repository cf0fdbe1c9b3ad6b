using TomoSaxs.Register.Horizontal;
using TomoSaxs.Register.Stage;
using TomoSaxs.Register.Tests.Support;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>Per-slice tube centres of a tilted tube: the line fit follows the tilt, pooling gives one centre.</summary>
public sealed class TubeCentreFitTests
{
    private const double Outer = 2_000, Inner = 1_875, Step = 100, Tilt = 6;

    [Fact]
    public void The_line_fit_follows_a_tilted_tube_and_pooling_does_not()
    {
        var raster = Raster(seed: 5);
        var model = new KaptonProfileModel(Outer, Inner, Step / 2.3548);
        var options = new KaptonWallOptions { ExpectedSeparationUm = 2 * Inner };

        var (_, line) = TubeCentreFit.Run(raster, "line", options, null, 0, model);
        var (_, pooled) = TubeCentreFit.Run(raster, "pooled", options, null, 0, model);
        var (walls, perSlice) = TubeCentreFit.Run(raster, "per_slice", options, null, 0, model);

        for (var j = 0; j < raster.Slices; j++)
        {
            Assert.True(Math.Abs(line[j] - Truth(j)) <= 1.5, $"line, slice {j}: {line[j] - Truth(j):F2} µm");
            Assert.True(Math.Abs(perSlice[j] - Truth(j)) <= 2.5, $"per slice {j}: {perSlice[j] - Truth(j):F2} µm");
            Assert.Equal(pooled[0], pooled[j]);
            Assert.True(walls[j].BothWalls);
        }

        Assert.True(Math.Abs(pooled[0] - Truth(1.5)) <= 1.5, $"pooled: {pooled[0] - Truth(1.5):F2} µm");
    }

    [Fact]
    public void A_pinned_centre_is_used_at_every_slice()
    {
        var (walls, centres) = TubeCentreFit.Run(Raster(seed: 6), "line", new KaptonWallOptions { ExpectedSeparationUm = 2 * Inner }, 12_345, 0);

        Assert.All(centres, c => Assert.Equal(12_345, c));
        Assert.All(walls, w => Assert.Equal(TomoSaxs.Calibrate.Estimates.EstimateSource.Pinned, w.Source));
    }

    [Fact]
    public void The_rotation_fit_recovers_a_tilted_axis_turning_with_the_sample_and_averages_the_noise()
    {
        // Axis 12 500 µm; tube axis in the sample (60 + 0.02·y', −40 − 0.01·y') µm, y' from the mean height.
        double[] phi = [-90, -67.5, -45, -22.5, 0, 22.5, 45, 67.5, 90];
        double[] y = [4200, 4300, 4400, 4500];
        double Centre(int k, int j)
        {
            var (sin, cos) = Math.SinCos(phi[k] * Math.PI / 180);
            var h = y[j] - 4350;
            return 12_500 + (60 + 0.02 * h) * cos + (-40 - 0.01 * h) * sin;
        }

        var gaussian = Noise.Gaussian(11);
        var measured = new double[phi.Length, y.Length];
        for (var k = 0; k < phi.Length; k++)
        {
            for (var j = 0; j < y.Length; j++)
            {
                measured[k, j] = Centre(k, j) + 2 * gaussian();
            }
        }

        measured[3, 2] = double.NaN;
        var fitted = RotationCentreFit.Fit(phi, y, measured)!;

        var cells = Enumerable.Range(0, phi.Length).SelectMany(k => Enumerable.Range(0, y.Length).Select(j => (k, j))).Where(c => double.IsFinite(measured[c.k, c.j])).ToArray();
        var noise = Math.Sqrt(cells.Average(c => Math.Pow(measured[c.k, c.j] - Centre(c.k, c.j), 2)));
        var rms = Math.Sqrt(cells.Average(c => Math.Pow(fitted[c.k, c.j] - Centre(c.k, c.j), 2)));
        // Five parameters from 35 centres: the fitted centres carry about √(5/35) ≈ 0.38 of the measurements' noise.
        Assert.True(rms <= 0.6 * noise, $"fitted rms {rms:F2} µm vs measured rms {noise:F2} µm");
        Assert.True(double.IsFinite(fitted[3, 2]));
        Assert.Null(RotationCentreFit.Fit([0, 180, 0, 180], y, new double[4, 4]));
        Assert.Null(RotationCentreFit.Fit(phi, [4200], new double[phi.Length, 1]));
    }

    private static double Truth(double slice) => 12_437.3 + Tilt * slice;

    private static SaxsRaster Raster(int seed)
    {
        var gaussian = Noise.Gaussian(seed);
        var x = Enumerable.Range(0, 50).Select(i => 10_030.0 + Step * i).ToArray();
        var sums = new double[4, x.Length];
        for (var j = 0; j < 4; j++)
        {
            for (var i = 0; i < x.Length; i++)
            {
                var centre = Truth(j);
                sums[j, i] = 100 + 3 * gaussian() + Chords.BeamAverage(
                    t => 2 * Chords.Annulus(Outer, Inner, t - centre) + 0.2 * Chords.Disc(Inner, t - centre), x[i], Step / 2.3548);
            }
        }

        return new SaxsRaster("tilted.nxs", sums, x, [4200, 4300, 4400, 4500]);
    }
}
