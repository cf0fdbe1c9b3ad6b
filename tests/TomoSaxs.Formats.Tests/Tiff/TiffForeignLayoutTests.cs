using BitMiracle.LibTiff.Classic;
using TomoSaxs.Formats.Tiff;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Tiff;

/// <summary>Files laid out the way other software writes them: tiles, compression, predictors, big-endian.</summary>
public sealed class TiffForeignLayoutTests
{
    private const int Width = 37;
    private const int Height = 29;

    [Fact]
    public void Tiled_16_bit_pages_with_partial_edge_tiles_read_correctly()
    {
        var image = TestVolumes.Slice(TestVolumes.Create<ushort>(1, Height, Width), 0);

        Assert.Equal(image, WriteAndRead(image, new ForeignTiff.Layout { Bits = 16, TileSize = 16 }));
    }

    [Fact]
    public void Tiled_float_pages_with_deflate_read_correctly()
    {
        var image = TestVolumes.Slice(TestVolumes.Create<float>(1, Height, Width), 0);
        var layout = new ForeignTiff.Layout { Bits = 32, Format = SampleFormat.IEEEFP, TileSize = 16, Compression = Compression.ADOBE_DEFLATE };

        Assert.Equal(image, WriteAndRead(image, layout));
    }

    [Theory]
    [InlineData(Compression.LZW)]
    [InlineData(Compression.ADOBE_DEFLATE)]
    [InlineData(Compression.PACKBITS)]
    public void Compressed_8_bit_strips_read_correctly(Compression compression)
    {
        var image = TestVolumes.Slice(TestVolumes.Create<byte>(1, Height, Width), 0);

        Assert.Equal(image, WriteAndRead(image, new ForeignTiff.Layout { Bits = 8, Compression = compression }));
    }

    [Fact]
    public void Lzw_with_horizontal_predictor_16_bit_reads_correctly()
    {
        var image = TestVolumes.Slice(TestVolumes.Create<ushort>(1, Height, Width), 0);
        var layout = new ForeignTiff.Layout { Bits = 16, Compression = Compression.LZW, Predictor = Predictor.HORIZONTAL };

        Assert.Equal(image, WriteAndRead(image, layout));
    }

    [Fact]
    public void Big_endian_16_bit_and_float_files_are_byte_swapped_on_reading()
    {
        var integers = TestVolumes.Slice(TestVolumes.Create<ushort>(1, Height, Width), 0);
        var floats = TestVolumes.Slice(TestVolumes.Create<float>(1, Height, Width), 0);

        Assert.Equal(integers, WriteAndRead(integers, new ForeignTiff.Layout { Bits = 16, BigEndian = true }));
        Assert.Equal(floats, WriteAndRead(floats, new ForeignTiff.Layout { Bits = 32, Format = SampleFormat.IEEEFP, BigEndian = true }));
    }

    [Fact]
    public void A_palette_image_reads_its_raw_indices()
    {
        // Fiji saves an 8-bit image shown with a colour lookup table as a palette TIFF; the indices are the data.
        using var temp = new TemporaryDirectory();
        var image = new byte[,] { { 0, 90, 179 } };
        var file = temp.File("theta.tif");
        using (var tiff = BitMiracle.LibTiff.Classic.Tiff.Open(file, "w"))
        {
            tiff.SetField(TiffTag.IMAGEWIDTH, 3);
            tiff.SetField(TiffTag.IMAGELENGTH, 1);
            tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
            tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.PALETTE);
            var map = Enumerable.Range(0, 256).Select(i => (short)(i * 257)).ToArray();
            tiff.SetField(TiffTag.COLORMAP, map, map, map);
            tiff.WriteEncodedStrip(0, ForeignTiff.Bytes(image), 3);
        }

        Assert.Equal(image, MultiPageTiff.ReadImage<byte>(file));
    }

    private static T[,] WriteAndRead<T>(T[,] image, ForeignTiff.Layout layout)
        where T : unmanaged
    {
        using var temp = new TemporaryDirectory();
        var folder = Path.Combine(temp.Path, "stack");
        Directory.CreateDirectory(folder);
        ForeignTiff.Write(Path.Combine(folder, "1.tif"), layout, image.GetLength(1), image.GetLength(0), ForeignTiff.Bytes(image));

        var fromStack = TiffStack.Open(folder).ReadSlice<T>(0);
        var fromFile = MultiPageTiff.ReadImage<T>(Path.Combine(folder, "1.tif"));
        Assert.Equal(fromStack, fromFile);
        return fromStack;
    }
}
