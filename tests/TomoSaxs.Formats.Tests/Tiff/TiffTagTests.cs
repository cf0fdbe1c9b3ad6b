using System.Globalization;
using BitMiracle.LibTiff.Classic;
using TomoSaxs.Formats.Tiff;
using TomoSaxs.TestSupport;
using LibTiff = BitMiracle.LibTiff.Classic.Tiff;

namespace TomoSaxs.Formats.Tests.Tiff;

/// <summary>
/// Files we write, re-opened with LibTiff itself: the tags Fiji (ImageJ's TiffDecoder) uses to choose 8-bit,
/// 16-bit or 32-bit float, and to calibrate pixel size, must be present with the right values.
/// </summary>
public sealed class TiffTagTests
{
    [Fact]
    public void A_float_map_carries_BitsPerSample_32_and_SampleFormat_IEEE_float()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.WriteImage(temp.File("q0.tif"), new float[3, 4]);

        using var tiff = LibTiff.Open(temp.File("q0.tif"), "r");

        Assert.Equal(32, Tag(tiff, TiffTag.BITSPERSAMPLE));
        Assert.Equal((int)SampleFormat.IEEEFP, Tag(tiff, TiffTag.SAMPLEFORMAT));
        AssertGreyscaleBasics(tiff, width: 4, height: 3);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Integer_stacks_carry_their_bit_depth_and_SampleFormat_unsigned(int bits)
    {
        using var temp = new TemporaryDirectory();
        if (bits == 8)
        {
            TiffStack.Write(temp.File("s"), new byte[2, 5, 6]);
        }
        else
        {
            TiffStack.Write(temp.File("s"), new ushort[2, 5, 6]);
        }

        foreach (var file in Directory.GetFiles(temp.File("s")))
        {
            using var tiff = LibTiff.Open(file, "r");
            Assert.Equal(bits, Tag(tiff, TiffTag.BITSPERSAMPLE));
            Assert.Equal((int)SampleFormat.UINT, Tag(tiff, TiffTag.SAMPLEFORMAT));
            AssertGreyscaleBasics(tiff, width: 6, height: 5);
            Assert.Equal(1, tiff.NumberOfDirectories());
        }
    }

    [Fact]
    public void Every_page_of_a_multi_page_float_volume_is_a_float_page()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.Write(temp.File("v.tif"), new float[3, 2, 2]);

        using var tiff = LibTiff.Open(temp.File("v.tif"), "r");
        Assert.Equal(3, tiff.NumberOfDirectories());
        for (short page = 0; page < 3; page++)
        {
            Assert.True(tiff.SetDirectory(page));
            Assert.Equal(32, Tag(tiff, TiffTag.BITSPERSAMPLE));
            Assert.Equal((int)SampleFormat.IEEEFP, Tag(tiff, TiffTag.SAMPLEFORMAT));
            Assert.Equal((int)FileType.PAGE, Tag(tiff, TiffTag.SUBFILETYPE));
        }
    }

    [Fact]
    public void A_pixel_size_is_written_as_resolution_and_an_ImageJ_micron_description()
    {
        using var temp = new TemporaryDirectory();
        var options = new TiffWriteOptions { PixelSizeUm = 8.125, SliceSpacingUm = 6.5 };
        MultiPageTiff.Write(temp.File("v.tif"), new float[2, 2, 2], options);

        using var tiff = LibTiff.Open(temp.File("v.tif"), "r");

        Assert.Equal(1 / 8.125, tiff.GetField(TiffTag.XRESOLUTION)[0].ToDouble(), 6);
        Assert.Equal(1 / 8.125, tiff.GetField(TiffTag.YRESOLUTION)[0].ToDouble(), 6);
        Assert.Equal((int)ResUnit.NONE, Tag(tiff, TiffTag.RESOLUTIONUNIT));
        var description = tiff.GetField(TiffTag.IMAGEDESCRIPTION)[0].ToString();
        Assert.StartsWith("ImageJ=", description);
        Assert.Contains("\nunit=micron\n", description);
        Assert.Contains("\nspacing=" + 6.5.ToString(CultureInfo.InvariantCulture) + "\n", description);
        Assert.DoesNotContain("images=", description);
    }

    [Theory]
    [InlineData(TiffCompression.None, Compression.NONE)]
    [InlineData(TiffCompression.Lzw, Compression.LZW)]
    [InlineData(TiffCompression.Deflate, Compression.ADOBE_DEFLATE)]
    [InlineData(TiffCompression.PackBits, Compression.PACKBITS)]
    public void The_chosen_compression_is_written_and_reads_back(TiffCompression chosen, Compression tag)
    {
        using var temp = new TemporaryDirectory();
        var volume = TestVolumes.Create<ushort>(2, 40, 33);
        MultiPageTiff.Write(temp.File("v.tif"), volume, new TiffWriteOptions { Compression = chosen });

        using (var tiff = LibTiff.Open(temp.File("v.tif"), "r"))
        {
            Assert.Equal((int)tag, Tag(tiff, TiffTag.COMPRESSION));
        }

        TestVolumes.AssertBitEqual(volume, MultiPageTiff.ReadVolume<ushort>(temp.File("v.tif")));
    }

    private static void AssertGreyscaleBasics(LibTiff tiff, int width, int height)
    {
        Assert.Equal(width, Tag(tiff, TiffTag.IMAGEWIDTH));
        Assert.Equal(height, Tag(tiff, TiffTag.IMAGELENGTH));
        Assert.Equal(1, Tag(tiff, TiffTag.SAMPLESPERPIXEL));
        Assert.Equal((int)Photometric.MINISBLACK, Tag(tiff, TiffTag.PHOTOMETRIC));
        Assert.Equal((int)Compression.NONE, Tag(tiff, TiffTag.COMPRESSION));
        Assert.False(tiff.IsTiled());
    }

    private static int Tag(LibTiff tiff, TiffTag tag) =>
        (tiff.GetField(tag) ?? throw new Xunit.Sdk.XunitException($"tag {tag} is missing"))[0].ToInt();
}
