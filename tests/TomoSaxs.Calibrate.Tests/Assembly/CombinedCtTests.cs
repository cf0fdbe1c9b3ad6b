using TomoSaxs.Calibrate.Assembly;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Tests.Assembly;

public class CombinedCtTests
{
    // Low-res at the common 2 µm voxel, 20 × 24 × 22; high-res raw at 0.5 µm (factor 4), 24 × 28 × 32 voxels
    // = 6 × 7 × 8 common voxels, placed at a sub-voxel offset.
    private static readonly float[,,] Low = Synthetic.Volume(20, 24, 22, (z, y, x) => -1 - z - y - x);
    private static readonly float[,,] High = Synthetic.Volume(24, 28, 32, Synthetic.Pattern);
    private static readonly Offset3 Offset = new(3.25, 5.5, 10.0);

    [Fact]
    public void High_res_box_is_the_area_average_of_the_raw_high_res_and_the_rest_is_low_res()
    {
        var writer = new ArraySlabWriter<float>(VolumeShape.Of(Low));
        var region = CombinedCt.Assemble(new ArraySlabReader<float>(Low), new ArraySlabReader<float>(High), 0.5, 2.0, Offset, writer, slabDepth: 3);

        // Covered completely: z from 3.25 to 9.25 → whole voxels 4…8; y 5.5…12.5 → 6…11; x 10…18 → 10…17.
        Assert.Equal(new HighResRegion(4, 9, 6, 12, 10, 18), region);
        var combined = writer.Volume;
        for (var z = 0; z < 20; z++)
        {
            for (var y = 0; y < 24; y++)
            {
                for (var x = 0; x < 22; x++)
                {
                    if (region.Contains(z, y, x))
                    {
                        // Common voxel (z, y, x) spans raw high-res voxels from 4·(z − 3.25) etc. (whole voxels here).
                        var expected = RawMean(4 * (z - 3.25), 4 * (y - 5.5), 4 * (x - 10.0));
                        Assert.Equal(expected, combined[z, y, x], 1e-6 * Math.Abs(expected)); // float storage
                    }
                    else
                    {
                        Assert.Equal(Low[z, y, x], combined[z, y, x]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Slab_wise_assembly_equals_one_slab_bit_for_bit()
    {
        var one = new ArraySlabWriter<float>(VolumeShape.Of(Low));
        CombinedCt.Assemble(new ArraySlabReader<float>(Low), new ArraySlabReader<float>(High), 0.5, 2.0, Offset, one, slabDepth: 64);
        var many = new ArraySlabWriter<float>(VolumeShape.Of(Low));
        CombinedCt.Assemble(new ArraySlabReader<float>(Low), new ArraySlabReader<float>(High), 0.5, 2.0, Offset, many, slabDepth: 1);
        Assert.Equal(one.Volume.Cast<float>().Select(BitConverter.SingleToInt32Bits), many.Volume.Cast<float>().Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void A_high_res_field_outside_the_low_res_volume_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CombinedCt.Assemble(new ArraySlabReader<float>(Low),
            new ArraySlabReader<float>(High), 0.5, 2.0, new Offset3(30, 0, 0), new ArraySlabWriter<float>(VolumeShape.Of(Low))));
        Assert.Contains("covers no whole voxel", error.Message);
    }

    /// <summary>The mean of the 4 × 4 × 4 raw voxels starting at (z, y, x) (whole raw indices).</summary>
    private static double RawMean(double z, double y, double x)
    {
        var (z0, y0, x0) = ((int)z, (int)y, (int)x);
        Assert.Equal((double)z0, z);
        var sum = 0.0;
        for (var dz = 0; dz < 4; dz++)
        {
            for (var dy = 0; dy < 4; dy++)
            {
                for (var dx = 0; dx < 4; dx++)
                {
                    sum += High[z0 + dz, y0 + dy, x0 + dx];
                }
            }
        }

        return sum / 64;
    }
}
