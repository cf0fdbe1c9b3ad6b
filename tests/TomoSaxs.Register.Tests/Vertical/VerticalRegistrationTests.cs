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

    /// <summary>A WAXS map of 30 slices × 20 positions (steps 50 and 60 µm) through a round Gaussian beam of σ µm:
    /// each pixel the beam-weighted mean of <paramref name="response"/>(scene) (24 × 24 points over ±3σ).</summary>
    private static (double[,] Map, double[] Y, double[] X) BeamWaxs(double oy, double sigma, Func<double, double> response)
    {
        // Rows at fixed motor y, so the offset moves the scene between them.
        var y = Enumerable.Range(0, 30).Select(j => 1000 + 50.0 * j).ToArray();
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
                        sum += weight * response(SpineScene.At(y[j] - oy + dz, x[p] + dx));
                        weights += weight;
                    }
                }

                map[j, p] = sum / weights;
            }
        }

        return (map, y, x);
    }

    [Theory]
    [InlineData(812.7)]
    [InlineData(829.3)]
    [InlineData(846.1)]
    public void A_beam_profile_footprint_finds_the_offset_between_waxs_rows(double oy)
    {
        // The WAXS beam has σ = 25 µm, the rows are 50 µm apart; the CT map is inverted, otherwise linear. The
        // offsets put the endplate at three phases between rows.
        const double sigma = 25;
        var (map, y, x) = BeamWaxs(oy, sigma, value => 5 + 100 * value);
        var options = new VerticalMatchOptions { FootprintYUm = Voxel, FootprintXUm = Voxel, BeamSigmaUm = sigma };
        var match = VerticalRegistration.Match(Ct.Value, Voxel, map, y, x, options with { RefineOnInterfaces = false });
        var errorPx = (match.OffsetUm - oy) / Voxel;
        output.WriteLine($"offset {match.OffsetUm:F3} µm (truth {oy}): error {errorPx:F3} CT px; NCC {match.Ncc:F4}");
        Assert.True(Math.Abs(errorPx) <= 0.1, $"error {errorPx:F3} CT px");
        Assert.True(match.Ncc < -0.99);
    }

    [Theory]
    [InlineData(812.7)]
    [InlineData(829.3)]
    [InlineData(846.1)]
    public void With_material_contrasts_that_differ_the_interfaces_place_the_offset(double oy)
    {
        // WAXS brightness per material unlike the CT's (bone 1 → 40, disc 0.35 → 1, buffer 0.15 → 2.5, Kapton
        // 0.6 → 9): no single affine map fits, so the whole map's NCC is pulled (here mostly laterally); across each
        // interface both maps mix the same two materials by the beam's share, which the per-window fit uses.
        const double sigma = 25;
        double Waxs(double value) => value switch { 1.0 => 40, 0.6 => 9, 0.35 => 1, _ => 2.5 };
        var (map, y, x) = BeamWaxs(oy, sigma, Waxs);
        // The lateral search is kept near the truth (0): with these contrasts the whole map's NCC would also take the
        // lateral offset 127 µm off, a different question (the example's walls fix it).
        var options = new VerticalMatchOptions { FootprintYUm = Voxel, FootprintXUm = Voxel, BeamSigmaUm = sigma, LateralRangeUm = (-20, 20) };
        var ncc = VerticalRegistration.Match(Ct.Value, Voxel, map, y, x, options with { RefineOnInterfaces = false });
        var refined = VerticalRegistration.Match(Ct.Value, Voxel, map, y, x, options);
        var (nccError, refinedError) = ((ncc.OffsetUm - oy) / Voxel, (refined.OffsetUm - oy) / Voxel);
        output.WriteLine($"truth {oy} µm: NCC alone {nccError:F3} CT px (NCC {ncc.Ncc:F3}, lateral {ncc.LateralOffsetUm:F2} µm), refined on the interfaces {refinedError:F3} CT px (lateral {refined.LateralOffsetUm:F2} µm)");
        // Measured: NCC alone −0.011 … −0.026 px and 5.7–5.9 µm laterally; refined ≤ 0.006 px and ≤ 0.6 µm.
        Assert.True(Math.Abs(refinedError) <= 0.02, $"refined error {refinedError:F3} CT px");
        Assert.True(Math.Abs(refinedError) < Math.Abs(nccError), $"refined {refinedError:F3} vs NCC {nccError:F3} CT px");
        Assert.True(Math.Abs(refined.LateralOffsetUm) <= 1 && Math.Abs(refined.LateralOffsetUm) < Math.Abs(ncc.LateralOffsetUm),
            $"lateral: refined {refined.LateralOffsetUm:F2} µm, NCC {ncc.LateralOffsetUm:F2} µm");
    }

    [Fact]
    public void Interface_windows_sit_on_the_steps_of_each_column()
    {
        // One column stepping from 10 to 50 between rows 4 and 5, and a weak wiggle that is no interface.
        var waxs = new double[10, 2];
        for (var j = 0; j < 10; j++)
        {
            (waxs[j, 0], waxs[j, 1]) = (j <= 4 ? 10 : 50, 10 + (j % 2));
        }

        var windows = InterfaceRefinement.Windows(waxs).ToArray();
        Assert.Equal([(0, 3)], windows);
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
