using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Register.Tests.Support;
using TomoSaxs.Register.Vertical;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Vertical;

public class VerticalRegistrationTests(ITestOutputHelper output)
{
    private const double Voxel = 6.5;
    private static readonly Lazy<double[,]> Ct = new(() => SpineScene.CtMap(300, 200, Voxel));

    /// <summary>
    /// A WAXS map of 30 slices × 20 positions (steps 50 and 60 µm) seen through z_ct = sense·(y − oy) and
    /// x_ct = x − ox: bone bright with a non-linear response (the CT map is inverted: opposite contrast), noise σ = 1
    /// on a range of about 100.
    /// </summary>
    private static (double[,] Map, double[] Y, double[] X) Waxs(double oy, double ox, int sense, int seed)
    {
        var gaussian = Noise.Gaussian(seed);
        // Slice j's footprint starts 175 µm below the CT top; position p's 50 µm from the CT's left edge.
        var y = Enumerable.Range(0, 30).Select(j => oy + sense * (200 + 50.0 * j)).ToArray();
        var x = Enumerable.Range(0, 20).Select(p => ox + 80 + 60.0 * p).ToArray();
        var map = new double[30, 20];
        for (var j = 0; j < 30; j++)
        {
            for (var p = 0; p < 20; p++)
            {
                var zc = sense * (y[j] - oy);
                var xc = x[p] - ox;
                map[j, p] = 5 + 100 * SpineScene.Average((z, xx) => Math.Pow(SpineScene.At(z, xx), 1.3), zc - 25, zc + 25, xc - 30, xc + 30, 12)
                    + gaussian();
            }
        }

        return (map, y, x);
    }

    [Theory]
    [InlineData(812.7, -143.2, 1)]
    [InlineData(-2431.9, 57.4, -1)]
    public void Recovers_the_endplate_fiducial_within_one_ct_pixel(double oy, double ox, int sense)
    {
        var (map, y, x) = Waxs(oy, ox, sense, seed: 3);
        var match = VerticalRegistration.Match(Ct.Value, Voxel, map, y, x, new VerticalMatchOptions { VerticalSense = sense });
        // The fiducial: the motor y at which the beam is level with the endplate.
        var truthY = oy + sense * SpineScene.Endplate;
        var fiducialError = Math.Abs(match.MotorYUm(SpineScene.Endplate) - truthY) / Voxel;
        output.WriteLine($"sense {sense}: offset {match.OffsetUm:F2} µm (truth {oy}), lateral {match.LateralOffsetUm:F2} µm (truth {ox}); " +
            $"fiducial error {fiducialError:F3} CT px (tolerance 1); lateral error {Math.Abs(match.LateralOffsetUm - ox) / Voxel:F3} px; NCC {match.Ncc:F3}; peak/second {match.PeakToSecond:F2}");
        Assert.True(fiducialError <= 1.0, $"fiducial error {fiducialError} CT pixels");
        Assert.True(Math.Abs(match.LateralOffsetUm - ox) <= 3 * Voxel);
        Assert.True(match.Ncc < -0.9, "the inverted CT map anti-correlates with the WAXS map");
        Assert.True(match.IsReliable);
        Assert.Equal(EstimateSource.Automatic, match.Source);

        // With the contrast known the match is unambiguous: no other height comes close.
        var known = VerticalRegistration.Match(Ct.Value, Voxel, map, y, x, new VerticalMatchOptions { VerticalSense = sense, Polarity = Polarity.Negative });
        output.WriteLine($"known polarity: offset {known.OffsetUm:F2} µm; peak/second {known.PeakToSecond:F2}");
        Assert.Equal(match.OffsetUm, known.OffsetUm, 6);
        Assert.True(known.PeakToSecond > 1.3, $"peak/second {known.PeakToSecond}");
    }

    [Theory]
    [InlineData(812.7)]
    [InlineData(829.3)]
    [InlineData(846.1)]
    public void A_beam_profile_footprint_finds_the_offset_between_waxs_rows(double oy)
    {
        // WAXS pixels record the scene through a round Gaussian beam (σ = 25 µm; rows 50 µm apart); the CT map is
        // inverted, otherwise linear. The offsets put the endplate at three phases between rows.
        const double sigma = 25;
        var y = Enumerable.Range(0, 30).Select(j => oy + 200 + 50.0 * j).ToArray();
        var x = Enumerable.Range(0, 20).Select(p => 80 + 60.0 * p).ToArray();
        var map = new double[30, 20];
        const int n = 24;
        for (var j = 0; j < 30; j++)
        {
            for (var p = 0; p < 20; p++)
            {
                double sum = 0, weights = 0;
                for (var i = 0; i < n; i++)
                {
                    for (var k = 0; k < n; k++)
                    {
                        var (dz, dx) = ((i + 0.5) / n * 6 * sigma - 3 * sigma, (k + 0.5) / n * 6 * sigma - 3 * sigma);
                        var weight = Math.Exp(-(dz * dz + dx * dx) / (2 * sigma * sigma));
                        sum += weight * SpineScene.At(y[j] - oy + dz, x[p] + dx);
                        weights += weight;
                    }
                }

                map[j, p] = 5 + 100 * sum / weights;
            }
        }

        var match = VerticalRegistration.Match(Ct.Value, Voxel, map, y, x, new VerticalMatchOptions { FootprintYUm = Voxel, FootprintXUm = Voxel, BeamSigmaUm = sigma });
        var errorPx = (match.OffsetUm - oy) / Voxel;
        output.WriteLine($"offset {match.OffsetUm:F3} µm (truth {oy}): error {errorPx:F3} CT px; NCC {match.Ncc:F4}");
        Assert.True(Math.Abs(errorPx) <= 0.1, $"error {errorPx:F3} CT px");
        Assert.True(match.Ncc < -0.99);
    }

    [Fact]
    public void A_pinned_offset_bypasses_the_search_and_reports_the_agreement()
    {
        var (map, y, x) = Waxs(812.7, -143.2, 1, seed: 4);
        var right = VerticalRegistration.Match(Ct.Value, Voxel, map, y, x, pinnedOffsetUm: 812.7);
        var wrong = VerticalRegistration.Match(Ct.Value, Voxel, map, y, x, pinnedOffsetUm: 412.7);
        Assert.Equal(EstimateSource.Pinned, right.Source);
        Assert.Equal(812.7, right.OffsetUm);
        Assert.Equal(412.7, wrong.OffsetUm);
        output.WriteLine($"|NCC| at the right pin {Math.Abs(right.Ncc):F3}, at a pin 400 µm off {Math.Abs(wrong.Ncc):F3}");
        Assert.True(Math.Abs(right.Ncc) > Math.Abs(wrong.Ncc) + 0.2);
        Assert.True(right.IsReliable);
    }

    [Fact]
    public void Unevenly_spaced_positions_are_refused_naming_the_axis()
    {
        var (map, y, x) = Waxs(812.7, -143.2, 1, seed: 5);
        x[7] += 30;
        var error = Assert.Throws<ArgumentException>(() => VerticalRegistration.Match(Ct.Value, Voxel, map, y, x));
        Assert.Contains("x positions are not evenly spaced", error.Message);
    }

    [Fact]
    public void Mismatched_position_counts_are_refused()
    {
        var (map, y, x) = Waxs(812.7, -143.2, 1, seed: 5);
        var error = Assert.Throws<ArgumentException>(() => VerticalRegistration.Match(Ct.Value, Voxel, map, y[1..], x));
        Assert.Contains("29 y", error.Message);
    }
}
