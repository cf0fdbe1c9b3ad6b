using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Tube;
using Xunit.Abstractions;

namespace TomoSaxs.Calibrate.Tests.Tube;

/// <summary>A slice through a vertebra: a large sample ten times brighter than the Kapton wall inside the tube.</summary>
public class TubeWithBoneTests(ITestOutputHelper output)
{
    [Fact]
    public void The_wall_is_found_although_two_class_otsu_would_separate_bone_from_everything_else()
    {
        var truth = (Row: 100.4, Col: 108.2, Radius: 80.3);
        var clean = TubeSlices.Render(200, 220, (truth.Row, truth.Col), truth.Radius, wall: 5, sample: (Row: 6, Col: -4, A: 55, B: 62), noise: 0, seed: 1);
        var gaussian = Synthetic.Gaussian(11);
        var slice = new float[200, 220];
        for (var r = 0; r < 200; r++)
        {
            for (var c = 0; c < 220; c++)
            {
                // Sample pixels (220 grey, partly covered at the edge) become bone at ≈ 2000 grey; the rest keeps its level.
                var v = clean[r, c];
                slice[r, c] = (float)((v > TubeSlices.Wall ? v + 45 * (v - TubeSlices.Wall) : v) + 10 * gaussian());
            }
        }

        var twoClass = Otsu.Threshold(slice.Cast<float>()).Threshold;
        Assert.True(twoClass > TubeSlices.Wall, $"two-class Otsu {twoClass} should fall above the wall level here");

        var circle = TubeCircleFinder.FitSlice(slice);

        var centreError = Math.Sqrt(Math.Pow(circle.CentreRow - truth.Row, 2) + Math.Pow(circle.CentreCol - truth.Col, 2));
        output.WriteLine($"bone: two-class Otsu {twoClass:F0} grey; centre error {centreError:F3} px, radius error {Math.Abs(circle.RadiusPx - truth.Radius):F3} px");
        Assert.InRange(centreError, 0, 0.5);
        Assert.InRange(Math.Abs(circle.RadiusPx - truth.Radius), 0, 0.5);
    }

    [Fact]
    public void Three_class_otsu_finds_both_gaps_of_three_levels()
    {
        var values = Enumerable.Repeat(10f, 500).Concat(Enumerable.Repeat(100f, 300)).Concat(Enumerable.Repeat(1000f, 200));

        var (lower, upper) = OtsuThreeClass.Thresholds(values);

        Assert.InRange(lower, 10.0001, 100);
        Assert.InRange(upper, 100.0001, 1000);
    }
}
