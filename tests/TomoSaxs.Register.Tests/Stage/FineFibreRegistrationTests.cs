using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>
/// Acceptance item 2 of issue 4 at a realistic tracing resolution (<see cref="FineFibreExample"/>: 10 µm fibre
/// voxels, fibres 3–5 voxels across), with the automatic registration (tube centres from the Kapton walls, vertical
/// offset from the WAXS map). The rules and the measured figures are in docs/register.md, "Acceptance".
/// </summary>
public sealed class FineFibreRegistrationTests(FineFibreExample example, ITestOutputHelper output) : IClassFixture<FineFibreExample>
{
    [Fact]
    public void Fibre_sets_weights_and_angles_meet_the_issue_at_ten_micron_fibre_voxels()
    {
        var figures = AcceptanceFigures.Measure(
            example.Result, example.Truth, example.Calibration.CommonVoxelUm, example.Calibration.Fibres.Shift.Z - example.Truth.CropStartXyz.Z, example.MinBeamWeight);
        foreach (var line in figures.Lines())
        {
            output.WriteLine(line);
        }

        var pinned = AcceptanceFigures.Measure(
            example.TruthVerticalResult, example.Truth, example.Calibration.CommonVoxelUm, example.Calibration.Fibres.Shift.Z - example.Truth.CropStartXyz.Z, example.MinBeamWeight);
        foreach (var line in pinned.Lines())
        {
            output.WriteLine("truth vertical offset: " + line);
        }

        // Item 1: the tube centre within half a fibre voxel (5 µm); the fit reaches 0.03 µm.
        Assert.All(figures.CentreErrorUm, error => Assert.True(error <= 0.5, $"tube centre error {error:F2} µm"));
        Assert.True(figures.SlabErrorVoxels == 0, $"slab bounds off by {figures.SlabErrorVoxels} fibre voxels");

        // Item 2, fibre sets: every difference is a fibre carrying less than one fibre voxel of beam weight on the
        // side that has it (grazing the beam's tail at the min_beam_weight cut-off or the slab's top or bottom).
        Assert.True(figures.EqualAboveOneVoxelFraction >= 0.98, $"{figures.EqualAboveOneVoxelFraction:P2}");
        Assert.True(figures.LargestUnmatchedWeight < 1, $"heaviest unmatched fibre {figures.LargestUnmatchedWeight:F3} voxels");
        Assert.True(figures.EqualFraction >= 0.85, $"strictly equal sets {figures.EqualFraction:P2}");

        // Every unmatched fibre grazes an edge: it is lighter than 10 × min_beam_weight (the beam's tail at the
        // cut-off), or the other side has it in no path of that angle and slice (a sliver at the slab's top or bottom).
        Assert.Equal(figures.HeavyUnmatched, figures.HeavyUnmatchedAbsentFromSlab);

        // Item 2, weights (crossings ≥ 0.1 × the path's largest): at least 90 % within 5 %, unbiased, and no more
        // crossings outside 5 % than the traced voxels' own volume error puts outside it.
        Assert.True(figures.P90WeightError <= 0.05, $"p90 weight error {figures.P90WeightError:P2}");
        Assert.True(figures.MedianWeightError <= 0.02, $"median weight error {figures.MedianWeightError:P2}");
        Assert.True(Math.Abs(figures.MeanSignedWeightError) <= 0.01, $"weight bias {figures.MeanSignedWeightError:P2}");
        Assert.True(figures.WeightsWithin5Percent >= figures.FibreVolumesWithin5Percent,
            $"crossings within 5 % {figures.WeightsWithin5Percent:P2} vs fibre volumes within 5 % {figures.FibreVolumesWithin5Percent:P2}");

        // Item 2, angles and identity.
        Assert.True(figures.WorstAlphaDeg <= 1 && figures.WorstBetaDeg <= 1, $"α {figures.WorstAlphaDeg:F2}°, β {figures.WorstBetaDeg:F2}°");
        Assert.Equal(0, figures.FibresLostBetweenAngles);
        Assert.True(figures.WorstTotalWeightSpread <= figures.WorstTruthTotalWeightSpread + 0.05,
            $"total weight spread {figures.WorstTotalWeightSpread:P2} vs truth {figures.WorstTruthTotalWeightSpread:P2}");
    }
}
