using TomoSaxs.Calibrate.Resampling;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Tests.Resampling;

public class AreaResamplerTests
{
    [Fact]
    public void Integer_factor_four_is_the_mean_of_each_block()
    {
        // 1.625 µm → 6.5 µm, the high-res case.
        var input = Synthetic.Volume(8, 12, 16, Synthetic.Pattern);
        var output = AreaResampler.Resample(input, 1.625, 6.5);
        Assert.Equal(new VolumeShape(2, 3, 4), VolumeShape.Of(output));
        var worst = 0.0;
        for (var z = 0; z < 2; z++)
        {
            for (var r = 0; r < 3; r++)
            {
                for (var c = 0; c < 4; c++)
                {
                    var sum = 0.0;
                    for (var dz = 0; dz < 4; dz++)
                    {
                        for (var dr = 0; dr < 4; dr++)
                        {
                            for (var dc = 0; dc < 4; dc++)
                            {
                                sum += input[4 * z + dz, 4 * r + dr, 4 * c + dc];
                            }
                        }
                    }

                    worst = Math.Max(worst, Math.Abs(output[z, r, c] - sum / 64) / (sum / 64));
                }
            }
        }

        // Only the final rounding to float remains: relative error ≤ 2^-24.
        Assert.True(worst <= 6e-8, $"worst relative error {worst}");
    }

    [Theory]
    [InlineData(2.6, 6.5, 0.0, 0.0, 0.0)] // low-res factor 2.5
    [InlineData(1.0, 2.3, 0.0, 0.0, 0.0)] // an awkward fraction
    [InlineData(1.0, 1.7, 0.4, -0.9, 1.3)] // with a shifted origin (partial edges, outputs outside the input)
    [InlineData(2.0, 0.75, 0.0, 0.0, 0.0)] // upsampling
    public void Matches_a_brute_force_overlap_reference(double inputVoxel, double outputVoxel, double oz, double oy, double ox)
    {
        var input = Synthetic.Volume(7, 9, 11, Synthetic.Pattern);
        var covering = ResampleGeometry.Covering(VolumeShape.Of(input), inputVoxel, outputVoxel);
        var geometry = covering with { OriginUm = (oz, oy, ox) };
        var output = AreaResampler.Resample(input, geometry, fill: -1f);
        var reference = BruteForce(input, geometry, fill: -1);
        var worst = 0.0;
        foreach (var (actual, expected) in Flatten(output).Zip(Flatten(reference)))
        {
            worst = Math.Max(worst, Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected)));
        }

        Assert.True(worst <= 1e-6, $"worst relative difference from the brute-force reference {worst}");
    }

    [Theory]
    [InlineData(1.625, 6.5)]
    [InlineData(2.6, 6.5)]
    [InlineData(1.0, 3.0)]
    public void Preserves_the_integral_and_the_mean_when_the_extent_is_whole_output_voxels(double inputVoxel, double outputVoxel)
    {
        // 20 input voxels: 20·1.625 = 5·6.5, 20·2.6 = 8·6.5, but 20·1 is not whole 3 µm voxels (partial edge).
        var input = Synthetic.Volume(20, 20, 20, Synthetic.Pattern);
        var geometry = ResampleGeometry.Covering(VolumeShape.Of(input), inputVoxel, outputVoxel);
        var output = AreaResampler.Resample(input, geometry);
        var (fz, fy, fx) = geometry.Footprints();
        var weighted = 0.0;
        for (var z = 0; z < geometry.Output.Depth; z++)
        {
            for (var r = 0; r < geometry.Output.Height; r++)
            {
                for (var c = 0; c < geometry.Output.Width; c++)
                {
                    weighted += output[z, r, c] * fz.Coverage[z] * fy.Coverage[r] * fx.Coverage[c];
                }
            }
        }

        // Σ out·covered volume = Σ in·voxel volume (both in µm³), exactly up to float storage of the outputs.
        var inputIntegral = Synthetic.Sum(input) * Math.Pow(inputVoxel, 3);
        var outputIntegral = weighted * Math.Pow(outputVoxel, 3);
        Assert.Equal(1.0, outputIntegral / inputIntegral, 7);
        var inputMean = Synthetic.Sum(input) / input.Length;
        var coveredVolume = fz.Coverage.Sum() * fy.Coverage.Sum() * fx.Coverage.Sum();
        Assert.Equal(1.0, weighted / coveredVolume / inputMean, 7);
    }

    [Fact]
    public void Mismatched_shapes_are_refused_naming_both()
    {
        var input = new float[4, 4, 4];
        var geometry = ResampleGeometry.Covering(new VolumeShape(5, 4, 4), 1, 2);
        var error = Assert.Throws<ArgumentException>(() =>
            AreaResampler.Resample(new ArraySlabReader<float>(input), geometry, new ArraySlabWriter<float>(geometry.Output)));
        Assert.Contains("4 × 4 × 4", error.Message);
        Assert.Contains("5 × 4 × 4", error.Message);
    }

    [Fact]
    public void An_empty_stack_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ResampleGeometry.Covering(new VolumeShape(0, 4, 4), 1, 2));
        Assert.Contains("empty", error.Message);
    }

    private static IEnumerable<double> Flatten(float[,,] volume)
    {
        foreach (var v in volume)
        {
            yield return v;
        }
    }

    /// <summary>Per output voxel, the overlap-volume-weighted mean over every input voxel (no separability).</summary>
    private static float[,,] BruteForce(float[,,] input, ResampleGeometry geometry, float fill)
    {
        var output = new float[geometry.Output.Depth, geometry.Output.Height, geometry.Output.Width];
        double Overlap(int o, int i, double origin) =>
            Math.Max(0, Math.Min((o + 1) * geometry.OutputVoxelUm, origin + (i + 1) * geometry.InputVoxelUm)
                - Math.Max(o * geometry.OutputVoxelUm, origin + i * geometry.InputVoxelUm));
        for (var oz = 0; oz < geometry.Output.Depth; oz++)
        {
            for (var oy = 0; oy < geometry.Output.Height; oy++)
            {
                for (var ox = 0; ox < geometry.Output.Width; ox++)
                {
                    double sum = 0, volume = 0;
                    for (var z = 0; z < input.GetLength(0); z++)
                    {
                        for (var y = 0; y < input.GetLength(1); y++)
                        {
                            for (var x = 0; x < input.GetLength(2); x++)
                            {
                                var v = Overlap(oz, z, geometry.OriginUm.Z) * Overlap(oy, y, geometry.OriginUm.Y) * Overlap(ox, x, geometry.OriginUm.X);
                                sum += v * input[z, y, x];
                                volume += v;
                            }
                        }
                    }

                    output[oz, oy, ox] = volume > 0 ? (float)(sum / volume) : fill;
                }
            }
        }

        return output;
    }
}
