using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Resampling;
using TomoSaxs.Calibrate.Volumes;
using Xunit.Abstractions;

namespace TomoSaxs.Calibrate.Tests.Offset;

/// <summary>
/// The offset estimator at several sub-voxel phases. One scene on a 2 µm grid (sharp layers in z, balls, smooth
/// waves) is area-averaged to a 16 µm low-res scan from its corner and to a 10 µm high-res scan from a corner a
/// known fractional number of low-res voxels in; both are then exact partial-volume scans of the same scene, as on
/// the example phantom. 24 high-res voxels are exactly 15 low-res ones, so no partial common voxel blurs the block's
/// edge. A parabola through the NCC at whole-voxel offsets is pulled towards the nearest whole voxel; the shifted
/// area-average model is not.
/// </summary>
public class SubVoxelPhaseTests(ITestOutputHelper output)
{
    private const double Fine = 2, High = 10, Low = 16;

    // 20 × 24 × 24 low-res voxels of 16 µm.
    private static readonly Lazy<float[,,]> Scene = new(() => Paint(160, 192, 192));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    public void The_model_refined_offset_has_no_half_voxel_bias(double phase)
    {
        // Phase p on z, p + 0.25 on y, p + 0.5 on x (mod 1), so every axis sees every phase over the four cases.
        var truth = new Offset3(3 + phase, 4 + (phase + 0.25) % 1, 5 + (phase + 0.5) % 1);
        var scene = Scene.Value;
        var low = AreaResampler.Resample(scene, Fine, Low);
        var highNative = AreaResampler.Resample(Crop(scene, truth, (120, 120, 120)), Fine, High);
        var highCommon = AreaResampler.Resample(highNative, High, Low);
        var options = new HighResOffsetOptions { CoarseBinning = 1 };

        var quadratic = HighResOffset.Estimate(new ArraySlabReader<float>(low), Low, new ArraySlabReader<float>(highCommon), Low,
            options with { SubVoxelModel = false });
        var model = HighResOffset.Estimate(new ArraySlabReader<float>(low), Low, new ArraySlabReader<float>(highCommon), Low,
            options, null, new ArraySlabReader<float>(highNative), High);

        var before = Errors(quadratic.Voxels, truth);
        var after = Errors(model.Voxels, truth);
        output.WriteLine($"phase {phase}: truth {truth}; quadratic errors ({before.Z:F3}, {before.Y:F3}, {before.X:F3}), " +
            $"model errors ({after.Z:F3}, {after.Y:F3}, {after.X:F3}) voxels");
        // Measured (2026-11-24): model errors at most 0.018 voxel over the four phases (phase 0.75, z), the quadratic's
        // up to 0.59. What is left is the model's own approximation, a 10 µm voxel taken as uniform where it straddles
        // a 16 µm edge although the scene varies inside it, on a block of only 15 voxels; 0.025 leaves room for that.
        Assert.True(model.Voxels.MaxDistance(truth) <= 0.025, $"model offset {model.Voxels} vs truth {truth}");
    }

    private static (double Z, double Y, double X) Errors(Offset3 found, Offset3 truth) => (found.Z - truth.Z, found.Y - truth.Y, found.X - truth.X);

    /// <summary>The scene from the high-res corner (offset · 16 µm, a whole number of 2 µm cells), this many cells.</summary>
    private static float[,,] Crop(float[,,] scene, Offset3 offset, (int D, int H, int W) cells)
    {
        var (z0, y0, x0) = ((int)Math.Round(offset.Z * Low / Fine), (int)Math.Round(offset.Y * Low / Fine), (int)Math.Round(offset.X * Low / Fine));
        var crop = new float[cells.D, cells.H, cells.W];
        for (var z = 0; z < cells.D; z++)
        {
            for (var y = 0; y < cells.H; y++)
            {
                for (var x = 0; x < cells.W; x++)
                {
                    crop[z, y, x] = scene[z0 + z, y0 + y, x0 + x];
                }
            }
        }

        return crop;
    }

    /// <summary>Grey values at the 2 µm cell centres: three sharp layers in z (endplate-like), five balls and two
    /// smooth waves, so the NCC has edges and texture on every axis.</summary>
    private static float[,,] Paint(int depth, int height, int width)
    {
        (double Z, double Y, double X, double R, double Value)[] balls =
            [(90, 150, 200, 35, 60), (170, 230, 120, 28, -45), (220, 120, 260, 40, 50), (130, 280, 300, 25, 70), (250, 260, 180, 32, -55)];
        var scene = new float[depth, height, width];
        for (var k = 0; k < depth; k++)
        {
            var z = (k + 0.5) * Fine;
            var layer = z < 57 ? 20.0 : z < 131 ? 90.0 : z < 203 ? 45.0 : 110.0;
            for (var j = 0; j < height; j++)
            {
                var y = (j + 0.5) * Fine;
                for (var i = 0; i < width; i++)
                {
                    var x = (i + 0.5) * Fine;
                    var value = layer + 30 * Math.Sin(2 * Math.PI * (x / 97 + y / 71)) + 25 * Math.Sin(2 * Math.PI * (y / 53 - z / 89));
                    foreach (var b in balls)
                    {
                        if ((z - b.Z) * (z - b.Z) + (y - b.Y) * (y - b.Y) + (x - b.X) * (x - b.X) <= b.R * b.R)
                        {
                            value += b.Value;
                        }
                    }

                    scene[k, j, i] = (float)value;
                }
            }
        }

        return scene;
    }
}
