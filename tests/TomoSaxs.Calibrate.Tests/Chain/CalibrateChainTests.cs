using TomoSaxs.Calibrate.Assembly;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Resampling;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Volumes;
using Xunit.Abstractions;

namespace TomoSaxs.Calibrate.Tests.Chain;

/// <summary>
/// The Calibrate kernels composed at the reference's real voxel sizes: low-res at 2.6 µm and high-res at 1.625 µm,
/// both area-averaged to 6.5 µm (factors 2.5 and 4), the high-res located in the low-res, and the combined CT
/// assembled, all through slab readers.
/// </summary>
public class CalibrateChainTests(ITestOutputHelper output)
{
    [Fact]
    public void Both_scans_to_six_and_a_half_micrometres_then_the_high_res_found_to_a_quarter_voxel()
    {
        // One texture in µm (blob sizes 10–26 µm, so several common voxels); the high-res field of view starts at
        // (52.3, 96.1, 71.5) µm in the low-res frame.
        var field = new BlobField(seed: 5, count: 160, extent: (40, 40, 40)); // in common voxels (6.5 µm)
        var originUm = (Z: 52.3, Y: 96.1, X: 71.5);
        float Sample(double zUm, double yUm, double xUm) => (float)field.At(zUm / 6.5, yUm / 6.5, xUm / 6.5);
        var lowRaw = Synthetic.Volume(100, 100, 100, (z, y, x) => Sample((z + 0.5) * 2.6, (y + 0.5) * 2.6, (x + 0.5) * 2.6));
        var gaussian = Synthetic.Gaussian(8);
        var highRaw = Synthetic.Volume(72, 72, 72, (z, y, x) =>
            0.5f * Sample(originUm.Z + (z + 0.5) * 1.625, originUm.Y + (y + 0.5) * 1.625, originUm.X + (x + 0.5) * 1.625) + 10 + (float)(4 * gaussian()));

        var lowGeometry = ResampleGeometry.Covering(VolumeShape.Of(lowRaw), 2.6, 6.5);
        var highGeometry = ResampleGeometry.Covering(VolumeShape.Of(highRaw), 1.625, 6.5);
        var lowCommon = new ArraySlabWriter<float>(lowGeometry.Output);
        var highCommon = new ArraySlabWriter<float>(highGeometry.Output);
        AreaResampler.Resample(new ArraySlabReader<float>(lowRaw), lowGeometry, lowCommon, 7, 4);
        AreaResampler.Resample(new ArraySlabReader<float>(highRaw), highGeometry, highCommon, 9, 4);
        Assert.Equal(new VolumeShape(40, 40, 40), lowGeometry.Output);
        Assert.Equal(new VolumeShape(18, 18, 18), highGeometry.Output);

        var estimate = HighResOffset.Estimate(new ArraySlabReader<float>(lowCommon.Volume), 6.5, new ArraySlabReader<float>(highCommon.Volume), 6.5,
            new HighResOffsetOptions { CoarseBinning = 2, RefineBlock = 16 });
        var truth = new Offset3(originUm.Z / 6.5, originUm.Y / 6.5, originUm.X / 6.5);
        var error = estimate.Voxels.MaxDistance(truth);
        output.WriteLine($"offset {estimate.Voxels} vs truth {truth}: max error {error:F3} common voxels = {error * 6.5:F2} µm (tolerance 0.25 voxel); NCC {estimate.Ncc:F3}");
        Assert.True(error <= 0.25, $"max error {error} voxels");

        var combined = new ArraySlabWriter<float>(lowGeometry.Output);
        var region = CombinedCt.Assemble(new ArraySlabReader<float>(lowCommon.Volume), new ArraySlabReader<float>(highRaw), 1.625, 6.5, estimate.Voxels, combined, slabDepth: 5);
        // The high-res box covers whole common voxels from ⌈8.05⌉ to ⌊8.05 + 18⌋ (z) etc. The truth x, 71.5 / 6.5 =
        // 11.000, is a whole voxel, so the x range follows the sign of the estimate's error: the quadratic fit's x was
        // above 11 (box 12–29, the expectation before the sub-voxel model), the model's is 10.998 (box 11–28).
        Assert.Equal(new HighResRegion(9, 26, 15, 32, 11, 28), region);
        Assert.Equal(lowCommon.Volume[3, 3, 3], combined.Volume[3, 3, 3]);
        // Inside, the values are the high-res scan's grey levels (gain 0.5, offset 10), not the low-res ones.
        var inside = combined.Volume[17, 23, 20];
        Assert.InRange(inside, 0.5f * lowCommon.Volume[17, 23, 20] + 10 - 6, 0.5f * lowCommon.Volume[17, 23, 20] + 10 + 6);
    }
}
