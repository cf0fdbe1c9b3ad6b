using TomoSaxs.Calibrate.Mask;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Tube;
using Xunit.Abstractions;

namespace TomoSaxs.Calibrate.Tests.Mask;

public class SampleFractionTests(ITestOutputHelper output)
{
    private static readonly (double Row, double Col) Centre = (75.4, 80.1);
    private static readonly (double Row, double Col, double A, double B) Ellipse = (6.3, -9.2, 30.4, 42.7);

    /// <summary>The ellipse's true share of pixel (r, c), 32 × 32 points.</summary>
    private static double TrueShare(int r, int c)
    {
        const int n = 32;
        var inside = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var y = (r - 0.5 + (i + 0.5) / n - Centre.Row - Ellipse.Row) / Ellipse.A;
                var x = (c - 0.5 + (j + 0.5) / n - Centre.Col - Ellipse.Col) / Ellipse.B;
                inside += x * x + y * y <= 1 ? 1 : 0;
            }
        }

        return (double)inside / (n * n);
    }

    private static (byte[,] Fraction, bool[,] Mask, double Sample, double Buffer) Shares(float[,] slice)
    {
        var slab = new float[1, slice.GetLength(0), slice.GetLength(1)];
        Buffer.BlockCopy(slice, 0, slab, 0, slice.Length * sizeof(float));
        var circle = TubeCircle.Pinned(Centre.Row, Centre.Col, 66);
        var options = new SampleMaskOptions { WallPx = 6 };
        var (mask, _) = SampleMask.Slice(slab, 0, 0, circle, options);
        var inside = new bool[mask.GetLength(0), mask.GetLength(1)];
        for (var r = 0; r < inside.GetLength(0); r++)
        {
            for (var c = 0; c < inside.GetLength(1); c++)
            {
                inside[r, c] = Math.Pow(r - Centre.Row, 2) + Math.Pow(c - Centre.Col, 2) <= Math.Pow(66 - 6 - 2, 2);
            }
        }

        var (fraction, sample, buffer) = SampleFraction.Compute(slab, 0, mask, inside);
        Assert.Equal(fraction, SampleMask.Fraction(slab, 0, mask, circle, options));
        return (fraction, mask, sample, buffer);
    }

    [Fact]
    public void Boundary_pixels_get_their_partial_volume_share_and_the_area_is_the_ellipses()
    {
        // Sample 220, buffer 60, noise 10 (1/16 of the contrast), partial volume on 5 × 5 points per pixel.
        var slice = TubeSlices.Render(150, 160, Centre, 66, 6, Ellipse, noise: 10, seed: 7);
        var (fraction, mask, sample, buffer) = Shares(slice);
        double shareError = 0, maskError = 0, area = 0;
        var boundary = 0;
        for (var r = 0; r < 150; r++)
        {
            for (var c = 0; c < 160; c++)
            {
                var truth = TrueShare(r, c);
                var share = fraction[r, c] / (double)SampleFraction.Whole;
                area += share;
                if (truth > 0 && truth < 1)
                {
                    boundary++;
                    shareError += Math.Abs(share - truth);
                    maskError += Math.Abs((mask[r, c] ? 1 : 0) - truth);
                }
            }
        }

        var exactArea = Math.PI * Ellipse.A * Ellipse.B;
        output.WriteLine($"levels {sample:F1} / {buffer:F1} (truth {TubeSlices.Sample} / {TubeSlices.Buffer}); {boundary} boundary pixels: " +
                         $"mean |share − truth| {shareError / boundary:F3}, binary mask {maskError / boundary:F3}; area {area:F1} px² (ellipse {exactArea:F1})");
        Assert.Equal(TubeSlices.Sample, sample, 2.0);
        Assert.Equal(TubeSlices.Buffer, buffer, 2.0);
        // Noise of 1/16 of the contrast gives a mean absolute share error of ~0.05 (√(2/π)/16), plus the 5 × 5 rendering.
        Assert.True(shareError / boundary <= 0.07, $"{shareError / boundary:F3}");
        // The binary mask is off by ~¼ per boundary pixel (0 or 1 against a share spread over 0…1).
        Assert.True(maskError >= 3 * shareError, $"binary {maskError / boundary:F3}, shares {shareError / boundary:F3}");
        Assert.Equal(exactArea, area, 0.003 * exactArea);
    }

    [Fact]
    public void A_sample_darker_than_the_buffer_gets_the_same_shares()
    {
        var bright = TubeSlices.Render(150, 160, Centre, 66, 6, Ellipse, noise: 0, seed: 1);
        var dark = new float[150, 160];
        for (var r = 0; r < 150; r++)
        {
            for (var c = 0; c < 160; c++)
            {
                // Buffer 60 ↔ 220 and sample 220 ↔ 60; the tube's wall and air keep their greys.
                var v = bright[r, c];
                dark[r, c] = v is >= TubeSlices.Buffer and <= TubeSlices.Sample ? TubeSlices.Buffer + TubeSlices.Sample - v : v;
            }
        }

        var slab = new float[1, 150, 160];
        Buffer.BlockCopy(dark, 0, slab, 0, dark.Length * sizeof(float));
        var circle = TubeCircle.Pinned(Centre.Row, Centre.Col, 66);
        var options = new SampleMaskOptions { WallPx = 6, SampleBrighter = false };
        var (mask, _) = SampleMask.Slice(slab, 0, 0, circle, options);
        Assert.Equal(Shares(bright).Fraction, SampleMask.Fraction(slab, 0, mask, circle, options));
    }

    [Fact]
    public void Without_a_buffer_ring_the_binary_mask_is_kept()
    {
        // The sample fills everything the tube's inside allows: no buffer pixel to take a level from.
        var slab = new float[1, 12, 12];
        var mask = new bool[12, 12];
        var inside = new bool[12, 12];
        for (var r = 2; r < 10; r++)
        {
            for (var c = 2; c < 10; c++)
            {
                (slab[0, r, c], mask[r, c], inside[r, c]) = (200 + r, true, true);
            }
        }

        var (fraction, _, buffer) = SampleFraction.Compute(slab, 0, mask, inside);
        Assert.True(double.IsNaN(buffer));
        for (var r = 0; r < 12; r++)
        {
            for (var c = 0; c < 12; c++)
            {
                Assert.Equal(mask[r, c] ? SampleFraction.Whole : (byte)0, fraction[r, c]);
            }
        }
    }
}
