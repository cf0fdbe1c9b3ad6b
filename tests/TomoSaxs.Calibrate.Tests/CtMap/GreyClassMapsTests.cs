using TomoSaxs.Calibrate.CtMap;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Tests.CtMap;

public class GreyClassMapsTests
{
    [Fact]
    public void Class_maps_count_each_class_along_the_rows_and_sum_to_the_path_length()
    {
        var ct = Synthetic.Volume(9, 7, 5, Synthetic.Pattern);
        var values = ct.Cast<float>().ToArray();
        var bounds = GreyClassBounds.EqualWidth(values.Min(), values.Max(), 4);
        var maps = GreyClassMaps.Compute(new ArraySlabReader<float>(ct), bounds, slabDepth: 4);

        Assert.Equal(4, maps.GetLength(0));
        for (var z = 0; z < 9; z++)
        {
            for (var x = 0; x < 5; x++)
            {
                for (var k = 0; k < 4; k++)
                {
                    var expected = Enumerable.Range(0, 7).Count(y =>
                        (k == 0 || ct[z, y, x] >= bounds[k - 1]) && (k == 3 || ct[z, y, x] < bounds[k]));
                    Assert.Equal(expected, maps[k, z, x]);
                }

                Assert.Equal(7, Enumerable.Range(0, 4).Sum(k => maps[k, z, x]));
            }
        }
    }

    [Fact]
    public void Grey_outside_the_bounds_falls_in_the_open_end_classes()
    {
        double[] bounds = [10, 20];
        Assert.Equal(0, GreyClassMaps.Class(bounds, -1e9));
        Assert.Equal(0, GreyClassMaps.Class(bounds, double.NaN));
        Assert.Equal(1, GreyClassMaps.Class(bounds, 10));
        Assert.Equal(1, GreyClassMaps.Class(bounds, 19.99));
        Assert.Equal(2, GreyClassMaps.Class(bounds, 20));
        Assert.Equal(2, GreyClassMaps.Class(bounds, 1e9));
    }

    [Fact]
    public void Bounds_are_equal_width_between_the_robust_percentiles()
    {
        Assert.Equal([2.5, 5, 7.5], GreyClassBounds.EqualWidth(0, 10, 4));
        Assert.Throws<ArgumentException>(() => GreyClassBounds.EqualWidth(0, 10, 1));
        Assert.Throws<ArgumentException>(() => GreyClassBounds.EqualWidth(3, 3, 4));
        Assert.Throws<ArgumentException>("bounds", () => GreyClassMaps.Compute(new ArraySlabReader<float>(new float[1, 1, 1]), [2, 1]));
    }
}
