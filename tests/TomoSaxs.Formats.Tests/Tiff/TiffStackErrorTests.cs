using BitMiracle.LibTiff.Classic;
using TomoSaxs.Formats.Tiff;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Tiff;

public sealed class TiffStackErrorTests
{
    [Fact]
    public void An_empty_folder_is_reported_as_holding_no_slices()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.File("readme.txt"), "no images here");

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Equal(temp.Path, error.FilePath);
        Assert.Contains("no TIFF slices", error.Cause);
    }

    [Fact]
    public void A_missing_folder_is_reported()
    {
        using var temp = new TemporaryDirectory();

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.File("absent")));

        Assert.Contains("does not exist", error.Cause);
    }

    [Fact]
    public void A_gap_in_the_slice_numbers_names_the_missing_slice()
    {
        using var temp = new TemporaryDirectory();
        foreach (var number in new[] { 1, 2, 4, 5 })
        {
            MultiPageTiff.WriteImage(temp.File($"{number}.tif"), new byte[2, 2]);
        }

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Contains("slice 3 is missing", error.Cause);
        Assert.Contains("'2.tif'", error.Cause);
        Assert.Contains("'4.tif'", error.Cause);
    }

    [Fact]
    public void A_file_name_without_a_number_is_reported()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.WriteImage(temp.File("0.tif"), new byte[2, 2]);
        MultiPageTiff.WriteImage(temp.File("overview.tif"), new byte[2, 2]);

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Equal(temp.File("overview.tif"), error.FilePath);
        Assert.Contains("no slice number", error.Cause);
    }

    [Fact]
    public void Two_files_with_the_same_number_are_reported()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.WriteImage(temp.File("1.tif"), new byte[2, 2]);
        MultiPageTiff.WriteImage(temp.File("01.tif"), new byte[2, 2]);

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Contains("same slice number 1", error.Cause);
    }

    [Fact]
    public void Slices_of_different_sizes_are_reported_with_both_sizes()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.WriteImage(temp.File("0.tif"), new byte[4, 5]);
        MultiPageTiff.WriteImage(temp.File("1.tif"), new byte[4, 5]);
        MultiPageTiff.WriteImage(temp.File("2.tif"), new byte[4, 6]);

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Equal(temp.File("2.tif"), error.FilePath);
        Assert.Contains("6 × 4 8-bit unsigned", error.Cause);
        Assert.Contains("5 × 4 8-bit unsigned", error.Cause);
    }

    [Fact]
    public void Slices_of_different_pixel_types_are_reported()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.WriteImage(temp.File("0.tif"), new byte[4, 5]);
        MultiPageTiff.WriteImage(temp.File("1.tif"), new ushort[4, 5]);

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Contains("16-bit unsigned", error.Cause);
        Assert.Contains("slice 1", error.Cause);
    }

    [Fact]
    public void A_file_that_is_not_a_tiff_is_reported_with_its_path()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.WriteImage(temp.File("0.tif"), new byte[2, 2]);
        File.WriteAllText(temp.File("1.tif"), "this is text, not a TIFF");

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Equal(temp.File("1.tif"), error.FilePath);
        Assert.Contains("not a readable TIFF", error.Cause);
        Assert.Contains("LibTiff", error.Cause);
    }

    [Fact]
    public void A_multi_page_file_inside_a_stack_folder_is_reported()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.Write(temp.File("0.tif"), new byte[2, 2, 2]);

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Contains("2 pages", error.Cause);
    }

    [Fact]
    public void A_slice_whose_pixel_data_is_cut_off_is_reported_when_read()
    {
        using var temp = new TemporaryDirectory();
        var file = temp.File("0.tif");
        ForeignTiff.WriteTruncated(file, 64, 64);
        var stack = TiffStack.Open(temp.Path);

        var error = Assert.Throws<DataFileException>(() => stack.ReadSlices<byte>(0, 1));

        Assert.Equal(file, error.FilePath);
        Assert.Contains("strip 0", error.Cause);
    }

    [Fact]
    public void A_colour_image_is_rejected_as_multi_channel()
    {
        using var temp = new TemporaryDirectory();
        ForeignTiff.Write(temp.File("0.tif"), new ForeignTiff.Layout { Bits = 8, SamplesPerPixel = 3, Photometric = Photometric.RGB }, 2, 2, new byte[12]);

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Contains("3 samples per pixel", error.Cause);
    }

    [Fact]
    public void Signed_16_bit_pixels_are_rejected_naming_the_supported_types()
    {
        using var temp = new TemporaryDirectory();
        ForeignTiff.Write(temp.File("0.tif"), new ForeignTiff.Layout { Bits = 16, Format = SampleFormat.INT }, 2, 2, new byte[8]);

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Contains("16-bit signed integer", error.Cause);
        Assert.Contains("32-bit float", error.Cause);
    }

    [Fact]
    public void Inverted_grey_is_rejected_rather_than_read_upside_down()
    {
        using var temp = new TemporaryDirectory();
        ForeignTiff.Write(temp.File("0.tif"), new ForeignTiff.Layout { Bits = 8, Photometric = Photometric.MINISWHITE }, 2, 2, new byte[4]);

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Contains("MINISWHITE", error.Cause);
    }

    [Fact]
    public void A_compression_the_reader_cannot_decode_is_reported_by_number()
    {
        using var temp = new TemporaryDirectory();
        ForeignTiff.Write(temp.File("0.tif"), new ForeignTiff.Layout { Bits = 8 }, 2, 2, new byte[4]);
        ForeignTiff.PatchCompressionTag(temp.File("0.tif"), 50000); // Zstandard, which LibTiff.NET lacks

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.Path));

        Assert.Contains("compression 50000", error.Cause);
        Assert.Contains("cannot be decoded", error.Cause);
    }
}
