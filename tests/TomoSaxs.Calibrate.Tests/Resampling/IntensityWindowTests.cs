using TomoSaxs.Calibrate.Resampling;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Tests.Resampling;

public class IntensityWindowTests
{
    [Fact]
    public void Percentile_window_of_a_uniform_ramp_is_within_one_histogram_bin()
    {
        // Values 0 … 9999 once each. NumPy's linear percentiles are 99.99 and 9899.01; the nearest-rank value
        // is within one value of that, and the histogram within one bin (10000/65536 ≈ 0.15) of it.
        var volume = Synthetic.Volume(10, 10, 100, (z, r, c) => z * 1000 + r * 100 + c);
        var window = IntensityWindow.FromPercentiles(new ArraySlabReader<float>(volume), 1, 99, slabDepth: 3);
        Assert.InRange(window.Low, 99.99 - 1.16, 99.99 + 1.16);
        Assert.InRange(window.High, 9899.01 - 1.16, 9899.01 + 1.16);
        var full = IntensityWindow.FromPercentiles(new ArraySlabReader<float>(volume), 0, 100);
        Assert.Equal((0.0, 9999.0), (full.Low, full.High));
    }

    [Fact]
    public void Eight_bit_output_maps_the_window_linearly_and_clips()
    {
        var window = new IntensityWindow(100, 355);
        Assert.Equal(0, window.ToByte(50));
        Assert.Equal(0, window.ToByte(100));
        Assert.Equal(128, window.ToByte(228)); // 127.5 rounds up (away from zero)
        Assert.Equal(255, window.ToByte(355));
        Assert.Equal(255, window.ToByte(1e9));
    }

    [Fact]
    public void Resampled_volume_streams_to_eight_bits_through_the_window()
    {
        var input = Synthetic.Volume(8, 8, 8, (z, r, c) => 10 * z);
        var geometry = ResampleGeometry.Covering(VolumeShape.Of(input), 1, 2);
        var bytes = new ArraySlabWriter<byte>(geometry.Output);
        AreaResampler.Resample(new ArraySlabReader<float>(input), geometry, new ByteScalingWriter(bytes, new IntensityWindow(0, 255)), 3, 3);
        // Output plane z averages input planes 2z and 2z + 1: 10·(2z + 0.5) = 20z + 5.
        for (var z = 0; z < 4; z++)
        {
            Assert.Equal(20 * z + 5, bytes.Volume[z, 2, 3]);
        }
    }

    [Fact]
    public void A_constant_volume_has_no_window()
    {
        var volume = new float[2, 2, 2];
        var error = Assert.Throws<ArgumentException>(() => IntensityWindow.FromPercentiles(new ArraySlabReader<float>(volume), 1, 99));
        Assert.Contains("constant", error.Message);
    }
}
