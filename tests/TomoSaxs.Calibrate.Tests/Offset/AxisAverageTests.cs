using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Resampling;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Tests.Offset;

public class AxisAverageTests
{
    [Fact]
    public void Three_axis_averages_at_a_fractional_origin_equal_the_area_resampler()
    {
        // 10 µm voxels onto 16 µm ones, the input's corner 23.7 / −5.2 / 8.0 µm into the output frame: the sub-voxel
        // model's prediction must be the resampler's result (what the combined CT pastes), whatever the axis order.
        var input = new float[13, 11, 12];
        for (var z = 0; z < 13; z++)
        {
            for (var y = 0; y < 11; y++)
            {
                for (var x = 0; x < 12; x++)
                {
                    input[z, y, x] = (float)(Math.Sin(0.7 * z + 0.3 * y) * 50 + x * x - 3 * y + 100);
                }
            }
        }

        var geometry = new ResampleGeometry(VolumeShape.Of(input), 10, 16, new VolumeShape(6, 5, 6), (23.7, -5.2, 8.0));
        var expected = AreaResampler.Resample(input, geometry, fill: float.NaN);
        var (fz, fy, fx) = geometry.Footprints();
        var zyx = AxisAverage.Along(AxisAverage.Along(AxisAverage.Along(input, 0, fz), 1, fy), 2, fx);
        var xzy = AxisAverage.Along(AxisAverage.Along(AxisAverage.Along(input, 2, fx), 0, fz), 1, fy);
        var compared = 0;
        for (var z = 0; z < 6; z++)
        {
            for (var y = 0; y < 5; y++)
            {
                for (var x = 0; x < 6; x++)
                {
                    if (float.IsNaN(expected[z, y, x]))
                    {
                        Assert.True(float.IsNaN(zyx[z, y, x]) || fz.Coverage[z] < 1 || fy.Coverage[y] < 1 || fx.Coverage[x] < 1);
                        continue;
                    }

                    Assert.Equal(expected[z, y, x], zyx[z, y, x], 3);
                    Assert.Equal(expected[z, y, x], xzy[z, y, x], 3);
                    compared++;
                }
            }
        }

        Assert.True(compared > 100, $"{compared} voxels compared");
    }

    [Fact]
    public void A_result_of_the_wrong_shape_is_refused()
    {
        var footprint = AxisFootprint.Create(8, 10, 16, 4);
        Assert.Throws<ArgumentException>(() => AxisAverage.Along(new float[8, 2, 2], 0, footprint, new float[5, 2, 2]));
        Assert.Throws<ArgumentException>(() => AxisAverage.Along(new float[7, 2, 2], 0, footprint));
    }
}
