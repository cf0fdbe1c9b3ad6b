using TomoSaxs.Calibrate.Mask;
using TomoSaxs.Register.Rotation;
using TomoSaxs.Register.Tests.Support;
using TomoSaxs.Register.Thickness;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Thickness;

public class SmoothChordTests(ITestOutputHelper output)
{
    private const double Voxel = 6.5, Step = 50;

    // An elliptical disc (semi-axes 900 and 600 µm, tilted 25°) centred (150, −220) µm from the tube axis.
    private static readonly (double U, double W) Centre = (150, -220);
    private const double A = 900, B = 600, Tilt = 25 * Math.PI / 180;
    private static readonly (double Row, double Col) TubePx = (249.3, 251.8);
    private static readonly double[] Angles = [-90, -67.5, -45, -22.5, 0, 22.5, 45, 67.5, 90];

    /// <summary>The disc's share of each pixel (<paramref name="samples"/>² points per pixel), or with one point
    /// per pixel the binary mask of pixel centres; 0…255.</summary>
    private static byte[,,] Shares(int samples)
    {
        var mask = new byte[1, 500, 500];
        var (c, s) = (Math.Cos(Tilt), Math.Sin(Tilt));
        for (var r = 0; r < 500; r++)
        {
            for (var col = 0; col < 500; col++)
            {
                var inside = 0;
                for (var i = 0; i < samples; i++)
                {
                    for (var k = 0; k < samples; k++)
                    {
                        var (dr, dc) = ((i + 0.5) / samples - 0.5, (k + 0.5) / samples - 0.5);
                        var (u, w) = ((col + dc - TubePx.Col) * Voxel - Centre.U, (r + dr - TubePx.Row) * Voxel - Centre.W);
                        var (a1, a2) = ((u * c + w * s) / A, (-u * s + w * c) / B);
                        inside += a1 * a1 + a2 * a2 <= 1 ? 1 : 0;
                    }
                }

                mask[0, r, col] = (byte)Math.Round(SampleFraction.Whole * (double)inside / (samples * samples));
            }
        }

        return mask;
    }

    private static (double Worst, double WorstInterior, int Outside) Errors(byte[,,] mask)
    {
        var blurred = SmoothChord.Blur(mask, 0);
        var positions = Enumerable.Range(0, 61).Select(i => 5_000 - 1_500 + Step * i).ToArray();
        double worst = 0, worstInterior = 0;
        var outside = 0;
        foreach (var angle in Angles)
        {
            var frame = new AngleFrame(angle, -1);
            var centreUm = 5_000 + 40 * Math.Cos(angle * Math.PI / 180);
            var chords = SmoothChord.Compute(blurred, Voxel, TubePx, frame, centreUm, positions);
            var truth = positions.Select(x => Chords.Ellipse(Centre, A, B, Tilt, frame.ToSample(x - centreUm, 0), frame.ToSample(0, 1))).ToArray();
            for (var i = 1; i + 1 < positions.Length; i++)
            {
                // The acceptance rule: 2 % of the chord, or one SAXS step where the chord is shorter than three.
                var error = Math.Abs(chords[i] - truth[i]);
                outside += error <= (truth[i] >= 3 * Step ? 0.02 * truth[i] : Step) ? 0 : 1;
                if (truth[i] >= 3 * Step)
                {
                    worst = Math.Max(worst, error / truth[i]);
                }

                if (truth[i - 1] >= 3 * Step && truth[i] >= 3 * Step && truth[i + 1] >= 3 * Step)
                {
                    worstInterior = Math.Max(worstInterior, error / truth[i]);
                }
            }
        }

        return (worst, worstInterior, outside);
    }

    [Fact]
    public void Partial_volume_shares_give_every_chord_within_two_percent_or_one_saxs_step()
    {
        var shares = Errors(Shares(samples: 16));
        var binary = Errors(Shares(samples: 1));
        output.WriteLine($"shares: worst {shares.Worst:P2} (interior {shares.WorstInterior:P2}), {shares.Outside} outside the rule; " +
                         $"binary mask: worst {binary.Worst:P2} (interior {binary.WorstInterior:P2}), {binary.Outside} outside");
        Assert.Equal(0, shares.Outside);
        Assert.True(shares.Worst <= 0.02, $"{shares.Worst:P2}");
        // The binary mask's staircase is what the shares remove: it misses the rule near the sample's edge.
        Assert.True(binary.Outside > 0 && binary.Worst > 2 * shares.Worst, $"binary {binary.Worst:P2}, {binary.Outside} outside");
    }

    [Fact]
    public void A_straight_edge_between_pixel_edges_is_cut_where_its_shares_put_it()
    {
        // A half-plane of sample from column 20.3 (pixel edges at k ± ½): pixel 20 holds 0.2 of it. The line runs
        // along the row and the chord is clipped to the image's last column centre (39), so it is 39 − edge.
        foreach (var edge in new[] { 20.3, 20.5, 20.75, 21.0 })
        {
            var mask = new byte[1, 41, 40];
            for (var r = 0; r < 41; r++)
            {
                for (var c = 0; c < 40; c++)
                {
                    mask[0, r, c] = (byte)Math.Round(SampleFraction.Whole * Math.Clamp(c + 0.5 - edge, 0, 1));
                }
            }

            var length = SmoothChord.LengthInside(SmoothChord.Blur(mask, 0), (20, -5), (0, 1));
            var cutAt = 39 - length;
            output.WriteLine($"edge {edge}: cut at {cutAt:F3} px");
            // Within 1/20 pixel: the blur (σ = 1 px) of the sampled ramp, interpolated linearly, crosses ½ up to
            // 0.03 px from the edge depending on its phase (the binary mask: up to ½ px).
            Assert.Equal(edge, cutAt, 0.05);
        }
    }

    [Fact]
    public void The_blur_of_a_uniform_share_is_that_share()
    {
        var mask = new byte[1, 20, 20];
        for (var r = 0; r < 20; r++)
        {
            for (var c = 0; c < 20; c++)
            {
                mask[0, r, c] = SampleFraction.Whole;
            }
        }

        var blurred = SmoothChord.Blur(mask, 0);
        Assert.Equal(1.0, blurred[10, 10], 6);
        // At the image's border the outside counts as no sample: the kernel's weights at offsets ≥ 0.
        var weights = Enumerable.Range(-3, 7).Select(k => Math.Exp(-0.5 * k * k / (SmoothChord.SigmaPx * SmoothChord.SigmaPx))).ToArray();
        Assert.Equal(weights.Skip(3).Sum() / weights.Sum(), blurred[10, 0], 6);
    }
}
