using TomoSaxs.Calibrate.Mask;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Calibrate.Volumes;
using Xunit.Abstractions;

namespace TomoSaxs.Calibrate.Tests.Mask;

public class SampleMaskTests(ITestOutputHelper output)
{
    private static readonly (double Row, double Col) Centre = (75.4, 80.1);
    private static readonly (double Row, double Col, double A, double B) Ellipse = (6, -9, 30, 42);

    [Fact]
    public void Mask_matches_the_true_sample_ellipse_and_slices_without_sample_stay_empty()
    {
        // Slices 0–2 hold the sample; slice 3 is buffer only.
        var volume = new float[4, 150, 160];
        for (var z = 0; z < 4; z++)
        {
            var sample = z < 3 ? Ellipse : (0, 0, 0.01, 0.01);
            var slice = TubeSlices.Render(150, 160, Centre, 66, 6, sample, noise: 10, seed: 30 + z);
            Buffer.BlockCopy(slice, 0, volume, z * slice.Length * sizeof(float), slice.Length * sizeof(float));
        }

        var tube = TubeCircleFinder.FitStack(new ArraySlabReader<float>(volume), slabDepth: 4);
        var writer = new ArraySlabWriter<byte>(VolumeShape.Of(volume));
        var reports = SampleMask.Build(new ArraySlabReader<float>(volume), tube, writer, new SampleMaskOptions { WallPx = 6 }, slabDepth: 3);

        for (var z = 0; z < 3; z++)
        {
            int both = 0, either = 0;
            for (var r = 0; r < 150; r++)
            {
                for (var c = 0; c < 160; c++)
                {
                    var (y, x) = ((r - Centre.Row - Ellipse.Row) / Ellipse.A, (c - Centre.Col - Ellipse.Col) / Ellipse.B);
                    var truth = x * x + y * y <= 1;
                    var found = writer.Volume[z, r, c] >= 128; // a share of at least ½
                    both += truth && found ? 1 : 0;
                    either += truth || found ? 1 : 0;
                }
            }

            var overlap = (double)both / either;
            output.WriteLine($"slice {z}: intersection over union {overlap:F3} (tolerance ≥ 0.95); separability {reports[z].Separability:F2}");
            Assert.True(overlap >= 0.95, $"slice {z}: IoU {overlap}");
            Assert.True(reports[z].HasSample);
        }

        output.WriteLine($"slice 3 (buffer only): separability {reports[3].Separability:F2} (< 0.75 → empty)");
        Assert.False(reports[3].HasSample);
        Assert.Equal(0, writer.Volume.Cast<byte>().Skip(3 * 150 * 160).Count(v => v != 0));
    }

    [Fact]
    public void Holes_are_filled_and_only_the_largest_region_is_kept()
    {
        var mask = new bool[9, 12];
        for (var r = 1; r < 8; r++)
        {
            for (var c = 1; c < 8; c++)
            {
                mask[r, c] = r is not 4 || c is not 4; // a 7 × 7 block with a one-pixel hole
            }
        }

        mask[4, 10] = true; // a stray pixel
        var cleaned = Regions.FillHoles(Regions.Largest(mask));
        Assert.True(cleaned[4, 4]);
        Assert.False(cleaned[4, 10]);
        Assert.Equal(49, cleaned.Cast<bool>().Count(set => set));
    }

    [Fact]
    public void A_wall_thicker_than_the_tube_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => SampleMask.Slice(new float[1, 10, 10], 0, 0, TubeCircle.Pinned(5, 5, 4), new SampleMaskOptions { WallPx = 3 }));
        Assert.Contains("leaves no room", error.Message);
    }

    [Fact]
    public void A_pinned_threshold_bypasses_otsu()
    {
        var slice = TubeSlices.Render(150, 160, Centre, 66, 6, Ellipse, noise: 0, seed: 1);
        var slab = new float[1, 150, 160];
        Buffer.BlockCopy(slice, 0, slab, 0, slice.Length * sizeof(float));
        // Above the sample's grey level nothing is sample; the report names the pinned threshold.
        var (mask, report) = SampleMask.Slice(slab, 0, 0, TubeCircle.Pinned(Centre.Row, Centre.Col, 66),
            new SampleMaskOptions { WallPx = 6, PinnedThreshold = TubeSlices.Sample + 1 });
        Assert.Equal(TubeSlices.Sample + 1, report.Threshold);
        Assert.Equal(0, mask.Cast<bool>().Count(set => set));
    }
}
