using TomoSaxs.Calibrate.Resampling;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats.Tiff;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Calibrate.Tests.Resampling;

public class TiffStreamingTests
{
    [Fact]
    public void A_tiff_stack_streams_through_the_resampler_into_an_eight_bit_stack()
    {
        using var folder = new TemporaryDirectory();
        var input = Synthetic.Volume(10, 12, 15, Synthetic.Pattern);
        TiffStack.Write(folder.File("raw"), input);
        var stack = TiffStack.Open(folder.File("raw"));
        var geometry = ResampleGeometry.Covering(new VolumeShape(10, 12, 15), 2.6, 6.5);
        var window = new IntensityWindow(60, 190);
        using (var writer = new TiffStackSlabWriter<byte>(folder.File("common"), geometry.Output))
        {
            AreaResampler.Resample(TiffStackSlabReader.AsFloat(stack), geometry, new ByteScalingWriter(writer, window), 3, 2);
            writer.Commit();
        }

        var written = TiffStack.Open(folder.File("common")).ReadSlices<byte>(0, geometry.Output.Depth);
        var expected = AreaResampler.Resample(input, geometry);
        Assert.Equal(expected.Cast<float>().Select(v => window.ToByte(v)), written.Cast<byte>());
    }

    [Fact]
    public void An_incomplete_stack_is_not_committed()
    {
        using var folder = new TemporaryDirectory();
        using var writer = new TiffStackSlabWriter<float>(folder.File("partial"), new VolumeShape(3, 2, 2));
        writer.WriteSlab(new float[2, 2, 2]);
        var error = Assert.Throws<InvalidOperationException>(writer.Commit);
        Assert.Contains("2 of 3 slices", error.Message);
    }
}
