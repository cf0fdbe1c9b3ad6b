using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Volumes;
using Xunit.Abstractions;

namespace TomoSaxs.Calibrate.Tests.Offset;

public class OffsetEstimationTests(ITestOutputHelper output)
{
    // The high-res field of view sits at this (z, y, x) inside the low-res one, in common voxels.
    private static readonly (double Z, double Y, double X) Truth = (7.3, 11.6, 5.45);
    private static readonly Offset3 TruthOffset = new(Truth.Z, Truth.Y, Truth.X);

    private static readonly BlobField Field = new(seed: 11, count: 220, extent: (48, 64, 60));

    // Low-res: 48 × 64 × 60 with noise 8 (blob amplitudes 50–150). High-res: 30 × 36 × 40, another contrast and
    // its own noise, cut from the same texture at the known fractional offset.
    private static readonly Lazy<(float[,,] Low, float[,,] High)> Volumes = new(() => (
        Field.Sample(48, 64, 60, (0, 0, 0), gain: 1, bias: 0, noise: 8, noiseSeed: 1),
        Field.Sample(30, 36, 40, Truth, gain: 0.6, bias: 35, noise: 6, noiseSeed: 2)));

    [Fact]
    public void Phase_correlation_finds_a_known_integer_shift_exactly_on_a_non_cubic_volume()
    {
        // Phase correlation's regime: the template is a large part of the reference (here 60 %).
        var low = Field.Sample(40, 48, 44, (0, 0, 0), 1, 0, 0, 0);
        var high = Field.Sample(32, 40, 36, (5, 3, 7), 1, 0, 0, 0);
        var peak = PhaseCorrelation.Locate(low, high);
        Assert.Equal(new Offset3(5, 3, 7), peak.Offset);
        Assert.True(peak.PeakToSecond > 2, $"peak/second {peak.PeakToSecond}");
    }

    [Fact]
    public void Phase_correlation_recovers_a_fractional_offset_within_one_voxel_on_noisy_volumes()
    {
        var truth = new Offset3(3.3, 5.6, 2.45);
        var low = Field.Sample(40, 48, 44, (0, 0, 0), 1, 0, noise: 8, noiseSeed: 3);
        var high = Field.Sample(32, 40, 36, (truth.Z, truth.Y, truth.X), 0.6, 35, noise: 6, noiseSeed: 4);
        var peak = PhaseCorrelation.Locate(low, high);
        var error = peak.Offset.MaxDistance(truth);
        output.WriteLine($"phase correlation {peak.Offset} vs truth {truth}: max error {error:F3} voxel (tolerance 1); peak/second {peak.PeakToSecond:F2}");
        Assert.True(error <= 1.0, $"max error {error} voxels");
        Assert.True(peak.PeakToSecond > 1.5, $"ambiguous peak: {peak.PeakToSecond}");

        // Refined by NCC it becomes sub-voxel.
        var (refined, _, _) = NccRefinement.Refine(low, high, peak.Offset);
        var refinedError = refined.MaxDistance(truth);
        output.WriteLine($"refined {refined}: max error {refinedError:F3} voxel (tolerance 0.25)");
        Assert.True(refinedError <= 0.25, $"refined max error {refinedError} voxels");
    }

    [Fact]
    public void Fft_ncc_surface_equals_the_direct_ncc()
    {
        var (low, high) = Volumes.Value;
        var surface = FftNcc.Surface(low, high);
        Assert.Equal((19, 29, 21), (surface.GetLength(0), surface.GetLength(1), surface.GetLength(2)));
        foreach (var (z, y, x) in new[] { (0, 0, 0), (7, 12, 5), (18, 28, 20), (3, 17, 11) })
        {
            Assert.Equal(ZeroMeanNcc.Score(low, high, z, y, x), surface[z, y, x], 9);
        }
    }

    [Fact]
    public void Fft_ncc_recovers_a_fractional_offset_within_one_voxel_for_a_small_noisy_template()
    {
        // The high-res block is 16 % of the low-res volume; contrast, brightness and noise differ.
        var (low, high) = Volumes.Value;
        var peak = FftNcc.Locate(low, high);
        var error = peak.Offset.MaxDistance(TruthOffset);
        output.WriteLine($"FFT NCC {peak.Offset} vs truth {TruthOffset}: max error {error:F3} voxel (tolerance 1); NCC {peak.Height:F3}; peak/second {peak.PeakToSecond:F2}");
        Assert.True(error <= 1.0, $"max error {error} voxels");
        Assert.True(peak.PeakToSecond > 1.3, $"ambiguous peak: {peak.PeakToSecond}");
    }

    [Fact]
    public void Ncc_refinement_reaches_sub_voxel_accuracy()
    {
        var (low, high) = Volumes.Value;
        var coarse = FftNcc.Locate(low, high);
        var (refined, ncc, _) = NccRefinement.Refine(low, high, coarse.Offset);
        var error = refined.MaxDistance(TruthOffset);
        output.WriteLine($"refined {refined} vs truth {TruthOffset}: max error {error:F3} voxel (tolerance 0.25); NCC {ncc:F3}");
        Assert.True(error <= 0.25, $"max error {error} voxels");
        Assert.True(ncc > 0.8, $"NCC {ncc}");
    }

    [Fact]
    public void Full_estimate_through_slab_readers_with_binning_is_sub_voxel_and_reliable()
    {
        var (low, high) = Volumes.Value;
        var estimate = HighResOffset.Estimate(new ArraySlabReader<float>(low), 6.5, new ArraySlabReader<float>(high), 6.5,
            new HighResOffsetOptions { CoarseBinning = 2, RefineBlock = 24, SlabDepth = 5 });
        var error = estimate.Voxels.MaxDistance(TruthOffset);
        output.WriteLine($"estimate {estimate.Voxels}, µm {estimate.Um}; max error {error:F3} voxel (tolerance 0.25); NCC {estimate.Ncc:F3}; peak/second {estimate.PeakToSecond:F2}");
        Assert.Equal(EstimateSource.Automatic, estimate.Source);
        Assert.True(error <= 0.25, $"max error {error} voxels");
        Assert.True(estimate.IsReliable);
        Assert.Equal(Truth.Y * 6.5, estimate.Um.Y, 1.7); // within a quarter voxel, in µm
    }

    [Fact]
    public void A_pinned_offset_bypasses_the_estimate_and_still_reports_the_agreement()
    {
        var (low, high) = Volumes.Value;
        var reader = (new ArraySlabReader<float>(low), new ArraySlabReader<float>(high));
        var right = HighResOffset.Estimate(reader.Item1, 6.5, reader.Item2, 6.5, pinned: new Offset3(7, 12, 5));
        var wrong = HighResOffset.Estimate(reader.Item1, 6.5, reader.Item2, 6.5, pinned: new Offset3(2, 3, 9));
        Assert.Equal(EstimateSource.Pinned, right.Source);
        Assert.Equal(new Offset3(7, 12, 5), right.Voxels);
        Assert.True(right.IsReliable, $"NCC at the right pin {right.Ncc}");
        Assert.False(wrong.IsReliable, $"NCC at the wrong pin {wrong.Ncc}");
    }

    [Fact]
    public void Mismatched_voxel_sizes_are_refused_naming_both()
    {
        var (low, high) = Volumes.Value;
        var error = Assert.Throws<ArgumentException>(() =>
            HighResOffset.Estimate(new ArraySlabReader<float>(low), 6.5, new ArraySlabReader<float>(high), 1.625));
        Assert.Contains("6.5 µm", error.Message);
        Assert.Contains("1.625 µm", error.Message);
    }

    [Fact]
    public void An_empty_stack_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            HighResOffset.Estimate(new ArraySlabReader<float>(new float[0, 4, 4]), 6.5, new ArraySlabReader<float>(new float[2, 2, 2]), 6.5));
        Assert.Contains("low-res CT is empty", error.Message);
    }

    [Fact]
    public void A_constant_low_res_volume_is_a_clear_error()
    {
        var (_, high) = Volumes.Value;
        var flat = new float[48, 64, 60];
        var error = Assert.Throws<ArgumentException>(() =>
            HighResOffset.Estimate(new ArraySlabReader<float>(flat), 6.5, new ArraySlabReader<float>(high), 6.5, new HighResOffsetOptions { CoarseBinning = 2 }));
        Assert.Contains("constant", error.Message);
    }

    [Fact]
    public void Quadratic_peak_recovers_the_vertex_of_an_exact_quadratic_with_cross_terms()
    {
        var vertex = (Z: 0.3, Y: -0.4, X: 0.15);
        var scores = new double[3, 3, 3];
        for (var z = -1; z <= 1; z++)
        {
            for (var y = -1; y <= 1; y++)
            {
                for (var x = -1; x <= 1; x++)
                {
                    var (a, b, c) = (z - vertex.Z, y - vertex.Y, x - vertex.X);
                    scores[z + 1, y + 1, x + 1] = 1 - (0.5 * a * a + 0.4 * b * b + 0.6 * c * c + 0.2 * a * b - 0.1 * b * c);
                }
            }
        }

        var peak = QuadraticPeak.Refine(scores);
        Assert.Equal(vertex.Z, peak.Z, 10);
        Assert.Equal(vertex.Y, peak.Y, 10);
        Assert.Equal(vertex.X, peak.X, 10);
    }
}
