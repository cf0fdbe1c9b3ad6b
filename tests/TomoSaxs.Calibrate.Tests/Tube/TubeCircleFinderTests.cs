using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Calibrate.Volumes;
using Xunit.Abstractions;

namespace TomoSaxs.Calibrate.Tests.Tube;

public class TubeCircleFinderTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void Fits_the_outer_circle_within_half_a_pixel_with_a_bright_sample_inside_and_noise(double blurSigma)
    {
        // Sample brighter than the wall, off-centre and touching the inner wall; noise σ = 10 grey (contrast 160),
        // optionally blurred by a Gaussian point-spread function of σ = 1.5 px.
        var truth = (Row: 101.3, Col: 112.7, Radius: 80.4);
        var slice = TubeSlices.Blur(TubeSlices.Render(200, 230, (truth.Row, truth.Col), truth.Radius, wall: 6,
            sample: (Row: 20, Col: -25, A: 45, B: 49.4), noise: 10, seed: 5), blurSigma);
        var circle = TubeCircleFinder.FitSlice(slice);
        var centreError = Math.Sqrt(Math.Pow(circle.CentreRow - truth.Row, 2) + Math.Pow(circle.CentreCol - truth.Col, 2));
        var radiusError = Math.Abs(circle.RadiusPx - truth.Radius);
        output.WriteLine($"blur {blurSigma}: centre error {centreError:F3} px, radius error {radiusError:F3} px (tolerance 0.5); RMS {circle.RmsPx:F3} px, inliers {circle.InlierFraction:P0}");
        Assert.True(centreError <= 0.5, $"centre error {centreError} px");
        Assert.True(radiusError <= 0.5, $"radius error {radiusError} px");
        Assert.Equal(EstimateSource.Automatic, circle.Source);
        Assert.True(circle.InlierFraction > 0.9);
    }

    [Fact]
    public void Fits_a_tube_cut_by_the_field_of_view()
    {
        // The tube's right side runs out of the image by 15 px: those rays end in material and are skipped.
        var truth = (Row: 70.0, Col: 95.6, Radius: 60.2);
        var slice = TubeSlices.Render(150, 141, (truth.Row, truth.Col), truth.Radius, wall: 5, sample: (0, 0, 30, 30), noise: 8, seed: 6);
        var circle = TubeCircleFinder.FitSlice(slice);
        var centreError = Math.Sqrt(Math.Pow(circle.CentreRow - truth.Row, 2) + Math.Pow(circle.CentreCol - truth.Col, 2));
        output.WriteLine($"cut tube: centre error {centreError:F3} px, radius error {Math.Abs(circle.RadiusPx - truth.Radius):F3} px (tolerance 0.5)");
        Assert.True(centreError <= 0.5);
        Assert.True(Math.Abs(circle.RadiusPx - truth.Radius) <= 0.5);
    }

    [Fact]
    public void Per_slab_circles_follow_a_tilted_tube()
    {
        // The centre drifts 0.3 px per slice along columns: 12 slices in slabs of 4.
        var volume = new float[12, 160, 170];
        for (var z = 0; z < 12; z++)
        {
            var slice = TubeSlices.Render(160, 170, (80.2, 84.0 + 0.3 * z), 64.5, 6, (5, 5, 30, 40), noise: 10, seed: 100 + z);
            Buffer.BlockCopy(slice, 0, volume, z * slice.Length * sizeof(float), slice.Length * sizeof(float));
        }

        var slabs = TubeCircleFinder.FitStack(new ArraySlabReader<float>(volume), slabDepth: 4);
        Assert.Equal([(0, 4), (4, 8), (8, 12)], slabs.Select(s => (s.ZStart, s.ZEnd)));
        foreach (var slab in slabs)
        {
            var expectedCol = 84.0 + 0.3 * (slab.ZStart + slab.ZEnd - 1) / 2.0;
            var error = Math.Abs(slab.Circle.CentreCol - expectedCol);
            output.WriteLine($"slab {slab.ZStart}–{slab.ZEnd - 1}: column error {error:F3} px, row error {Math.Abs(slab.Circle.CentreRow - 80.2):F3} px, radius error {Math.Abs(slab.Circle.RadiusPx - 64.5):F3} px");
            Assert.True(error <= 0.5);
            Assert.True(Math.Abs(slab.Circle.CentreRow - 80.2) <= 0.5);
            Assert.True(Math.Abs(slab.Circle.RadiusPx - 64.5) <= 0.5);
        }
    }

    [Fact]
    public void A_pinned_circle_bypasses_the_fit_and_reports_how_well_the_edges_agree()
    {
        var slice = TubeSlices.Render(120, 120, (60, 60), 50, 5, (0, 0, 20, 20), noise: 5, seed: 7);
        var volume = new float[1, 120, 120];
        Buffer.BlockCopy(slice, 0, volume, 0, slice.Length * sizeof(float));
        var right = TubeCircleFinder.FitStack(new ArraySlabReader<float>(volume), 1, pinned: TubeCircle.Pinned(60, 60, 50))[0].Circle;
        var wrong = TubeCircleFinder.FitStack(new ArraySlabReader<float>(volume), 1, pinned: TubeCircle.Pinned(57, 60, 50))[0].Circle;
        Assert.Equal(EstimateSource.Pinned, right.Source);
        Assert.Equal((60.0, 60.0, 50.0), (right.CentreRow, right.CentreCol, right.RadiusPx));
        Assert.True(right.RmsPx < 0.5, $"RMS at the right pin {right.RmsPx}");
        Assert.True(wrong.RmsPx > 1.5, $"RMS at the wrong pin {wrong.RmsPx}");
    }

    [Fact]
    public void Noise_without_a_tube_is_a_clear_error()
    {
        var gaussian = Synthetic.Gaussian(9);
        var noise = new float[100, 100];
        for (var r = 0; r < 100; r++)
        {
            for (var c = 0; c < 100; c++)
            {
                noise[r, c] = (float)(50 + 10 * gaussian());
            }
        }

        var error = Assert.Throws<TubeNotFoundException>(() => TubeCircleFinder.FitSlice(noise, what: "CT slice 17"));
        output.WriteLine(error.Message);
        Assert.StartsWith("No tube in CT slice 17", error.Message);
    }

    [Fact]
    public void A_blank_slice_is_a_clear_error()
    {
        var error = Assert.Throws<TubeNotFoundException>(() => TubeCircleFinder.FitSlice(new float[50, 50], what: "CT slice 3"));
        Assert.Contains("No tube in CT slice 3", error.Message);
        Assert.Contains("nothing to separate", error.Message);
    }

    [Fact]
    public void Kasa_fit_is_exact_on_points_of_a_circle()
    {
        var points = Enumerable.Range(0, 7).Select(k => (Row: 10 + 4 * Math.Sin(k), Col: -3 + 4 * Math.Cos(k))).ToList();
        var (row, col, radius) = CircleFit.Kasa(points);
        Assert.Equal(10, row, 9);
        Assert.Equal(-3, col, 9);
        Assert.Equal(4, radius, 9);
    }
}
