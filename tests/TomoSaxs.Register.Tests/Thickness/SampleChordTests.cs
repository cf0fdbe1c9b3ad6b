using TomoSaxs.Register.Rotation;
using TomoSaxs.Register.Tests.Support;
using TomoSaxs.Register.Thickness;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Thickness;

public class SampleChordTests(ITestOutputHelper output)
{
    private const double Voxel = 6.5, Step = 50;

    // An elliptical disc (semi-axes 900 and 600 µm, tilted 25°) centred (150, −220) µm from the tube axis.
    private static readonly (double U, double W) Centre = (150, -220);
    private const double A = 900, B = 600, Tilt = 25 * Math.PI / 180;
    private static readonly (double Row, double Col) TubePx = (249.3, 251.8);

    private static byte[,,] Mask(int depth)
    {
        var mask = new byte[depth, 500, 500];
        var (c, s) = (Math.Cos(Tilt), Math.Sin(Tilt));
        for (var r = 0; r < 500; r++)
        {
            for (var col = 0; col < 500; col++)
            {
                var (u, w) = ((col - TubePx.Col) * Voxel - Centre.U, (r - TubePx.Row) * Voxel - Centre.W);
                var (a1, a2) = ((u * c + w * s) / A, (-u * s + w * c) / B);
                if (a1 * a1 + a2 * a2 <= 1)
                {
                    for (var z = 0; z < depth; z++)
                    {
                        mask[z, r, col] = 1;
                    }
                }
            }
        }

        return mask;
    }

    [Fact]
    public void Chords_match_the_analytic_ellipse_within_two_percent_or_one_saxs_voxel()
    {
        var mask = Mask(depth: 2);
        var positions = Enumerable.Range(0, 61).Select(i => 5_000 - 1_500 + Step * i).ToArray();
        double worstRelative = 0, worstShort = 0;
        var compared = 0;
        foreach (var angle in new[] { -90, -67.5, -45, -22.5, 0, 22.5, 45, 67.5, 90 })
        {
            var frame = new AngleFrame(angle, -1);
            var centreUm = 5_000 + 40 * Math.Cos(angle * Math.PI / 180);
            var chords = SampleChord.Compute(mask, Voxel, TubePx, frame, centreUm, positions);
            for (var i = 0; i < positions.Length; i++)
            {
                var truth = Chords.Ellipse(Centre, A, B, Tilt, frame.ToSample(positions[i] - centreUm, 0), frame.ToSample(0, 1));
                var error = Math.Abs(chords[i] - truth);
                // Long chords (≥ 20 SAXS voxels) within 2 %; shorter ones, where the rasterised edge dominates a
                // grazing chord, within one SAXS voxel.
                if (truth >= 20 * Step)
                {
                    worstRelative = Math.Max(worstRelative, error / truth);
                    Assert.True(error <= 0.02 * truth, $"θ = {angle}, path {i}: chord {chords[i]:F1} µm, analytic {truth:F1} µm");
                }
                else
                {
                    worstShort = Math.Max(worstShort, error);
                    Assert.True(error <= Step, $"θ = {angle}, path {i}: chord {chords[i]:F1} µm, analytic {truth:F1} µm");
                }
                compared++;
            }
        }

        output.WriteLine($"{compared} chords: worst relative error {worstRelative:P2} for chords ≥ {20 * Step} µm (tolerance 2 %); worst absolute error {worstShort:F1} µm for shorter ones (tolerance {Step} µm)");
    }

    [Fact]
    public void The_blurred_outline_follows_the_analytic_ellipse_closer_than_the_voxel_staircase()
    {
        var mask = Mask(depth: 1);
        var blurred = SmoothChord.Blur(mask, 0);
        var positions = Enumerable.Range(0, 61).Select(i => 5_000 - 1_500 + Step * i).ToArray();
        double worstSmooth = 0, worstRaster = 0;
        foreach (var angle in new[] { -90, -67.5, -45, -22.5, 0, 22.5, 45, 67.5, 90 })
        {
            var frame = new AngleFrame(angle, -1);
            var centreUm = 5_000 + 40 * Math.Cos(angle * Math.PI / 180);
            var smooth = SmoothChord.Compute(blurred, Voxel, TubePx, frame, centreUm, positions);
            var raster = SampleChord.Compute(mask, Voxel, TubePx, frame, centreUm, positions);
            var truth = positions.Select(x => Chords.Ellipse(Centre, A, B, Tilt, frame.ToSample(x - centreUm, 0), frame.ToSample(0, 1))).ToArray();
            for (var i = 1; i + 1 < positions.Length; i++)
            {
                // 2 % where the path and both neighbours are at least three steps long; one step at the sample's
                // edge, where a grazing chord would need the outline to a tenth of a voxel.
                var error = Math.Abs(smooth[i] - truth[i]);
                var interior = truth[i - 1] >= 3 * Step && truth[i] >= 3 * Step && truth[i + 1] >= 3 * Step;
                Assert.True(error <= (interior ? 0.02 * truth[i] : Step), $"θ = {angle}, path {i}: chord {smooth[i]:F1} µm, analytic {truth[i]:F1} µm");
                if (interior)
                {
                    worstSmooth = Math.Max(worstSmooth, error / truth[i]);
                    worstRaster = Math.Max(worstRaster, Math.Abs(raster[i] - truth[i]) / truth[i]);
                }
            }
        }

        output.WriteLine($"worst interior error: blurred outline {worstSmooth:P2}, voxel staircase {worstRaster:P2}");
        Assert.True(worstSmooth < worstRaster, $"blurred {worstSmooth:P2} vs staircase {worstRaster:P2}");
    }

    [Fact]
    public void A_line_through_a_pixel_grid_has_the_exact_length_inside_set_pixels()
    {
        var mask = new byte[1, 3, 3];
        mask[0, 1, 1] = 1;
        // Horizontal through the middle row: one pixel long.
        Assert.Equal(1.0, SampleChord.LengthInMask(mask, 0, (1, -5), (0, 1)), 12);
        // The diagonal through pixel (1, 1)'s centre: √2.
        var d = 1 / Math.Sqrt(2);
        Assert.Equal(Math.Sqrt(2), SampleChord.LengthInMask(mask, 0, (1, 1), (d, d)), 12);
        // A line missing the image.
        Assert.Equal(0, SampleChord.LengthInMask(mask, 0, (10, 10), (0, 1)));
    }

    [Fact]
    public void The_chord_is_the_mean_over_the_slab_slices()
    {
        var mask = new byte[2, 1, 10];
        for (var c = 0; c < 10; c++)
        {
            mask[0, 0, c] = 1; // 10 px in the first slice, 0 in the second
        }

        // At θ = θ_map with s = −1 the beam runs along +rows; use a frame turned by 90° so it runs along columns.
        var frame = new AngleFrame(90, -1);
        var chord = SampleChord.Compute(mask, 2.0, (0, 4.5), frame, 0, [0]);
        Assert.Equal(10.0, chord[0], 9); // (10 px · 2 µm + 0) / 2 slices
    }
}
