using TomoSaxs.Formats.Tiff;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Tiff;

public sealed class MultiPageTiffTests
{
    [Fact]
    public void Multi_page_round_trip_is_bit_exact_for_8_bit_unsigned() => AssertRoundTrip<byte>(TiffPixelType.UInt8);

    [Fact]
    public void Multi_page_round_trip_is_bit_exact_for_16_bit_unsigned() => AssertRoundTrip<ushort>(TiffPixelType.UInt16);

    [Fact]
    public void Multi_page_round_trip_is_bit_exact_for_32_bit_float() => AssertRoundTrip<float>(TiffPixelType.Float32);

    [Fact]
    public void A_page_range_read_returns_exactly_those_pages()
    {
        using var temp = new TemporaryDirectory();
        var volume = TestVolumes.Create<float>(9, 4, 3);
        MultiPageTiff.Write(temp.File("v.tif"), volume);

        TestVolumes.AssertBitEqual(TestVolumes.Slab(volume, 3, 7), MultiPageTiff.ReadPages<float>(temp.File("v.tif"), 3, 7));
        TestVolumes.AssertBitEqual(TestVolumes.Slab(volume, 8, 9), MultiPageTiff.ReadPages<float>(temp.File("v.tif"), 8, 9));
    }

    [Fact]
    public void A_page_range_beyond_the_last_page_is_rejected()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.Write(temp.File("v.tif"), new byte[3, 2, 2]);

        Assert.Throws<ArgumentOutOfRangeException>(() => MultiPageTiff.ReadPages<byte>(temp.File("v.tif"), 2, 4));
    }

    [Fact]
    public void Probe_reports_size_type_and_page_count()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.Write(temp.File("v.tif"), new ushort[6, 5, 7]);

        Assert.Equal(new TiffVolumeInfo(7, 5, 6, TiffPixelType.UInt16), MultiPageTiff.Probe(temp.File("v.tif")));
    }

    [Fact]
    public void A_single_image_round_trips_as_a_two_dimensional_array()
    {
        using var temp = new TemporaryDirectory();
        var map = TestVolumes.Slice(TestVolumes.Create<float>(1, 11, 13), 0);

        MultiPageTiff.WriteImage(temp.File("map.tif"), map);

        Assert.Equal(map, MultiPageTiff.ReadImage<float>(temp.File("map.tif")));
        Assert.Equal(1, MultiPageTiff.Probe(temp.File("map.tif")).Depth);
    }

    [Fact]
    public void Reading_a_stack_file_as_a_single_image_is_refused()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.Write(temp.File("v.tif"), new byte[2, 3, 3]);

        var error = Assert.Throws<DataFileException>(() => MultiPageTiff.ReadImage<byte>(temp.File("v.tif")));

        Assert.Contains("2 pages", error.Cause);
    }

    [Fact]
    public void Pages_of_different_sizes_are_reported_by_page_number()
    {
        using var temp = new TemporaryDirectory();
        var layout = new ForeignTiff.Layout { Bits = 8 };
        ForeignTiff.Write(temp.File("mixed.tif"), layout, 4, 4, new byte[16], new byte[16]);
        // Append a third, smaller page with LibTiff's append mode.
        using (var tiff = BitMiracle.LibTiff.Classic.Tiff.Open(temp.File("mixed.tif"), "a"))
        {
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.IMAGEWIDTH, 2);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.IMAGELENGTH, 2);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.BITSPERSAMPLE, 8);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.PHOTOMETRIC, BitMiracle.LibTiff.Classic.Photometric.MINISBLACK);
            tiff.WriteEncodedStrip(0, new byte[4], 4);
            tiff.WriteDirectory();
        }

        var error = Assert.Throws<DataFileException>(() => MultiPageTiff.Probe(temp.File("mixed.tif")));

        Assert.Equal("page 2", error.Item);
        Assert.Contains("2 × 2", error.Cause);
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        using var temp = new TemporaryDirectory();

        var error = Assert.Throws<DataFileException>(() => MultiPageTiff.Probe(temp.File("absent.tif")));

        Assert.Equal(temp.File("absent.tif"), error.FilePath);
        Assert.Contains("does not exist", error.Cause);
    }

    [Fact]
    public void A_damaged_page_is_reported_with_file_and_page()
    {
        using var temp = new TemporaryDirectory();
        ForeignTiff.WriteTruncated(temp.File("cut.tif"), 32, 32);

        var error = Assert.Throws<DataFileException>(() => MultiPageTiff.ReadPages<byte>(temp.File("cut.tif"), 0, 1));

        Assert.Equal(temp.File("cut.tif"), error.FilePath);
        Assert.Equal("page 0", error.Item);
    }

    [Fact]
    public void Writing_replaces_the_file_atomically_and_leaves_no_temporary_file()
    {
        using var temp = new TemporaryDirectory();
        MultiPageTiff.Write(temp.File("v.tif"), new byte[4, 4, 4]);
        var replacement = TestVolumes.Create<ushort>(2, 3, 3);

        MultiPageTiff.Write(temp.File("v.tif"), replacement);

        TestVolumes.AssertBitEqual(replacement, MultiPageTiff.ReadVolume<ushort>(temp.File("v.tif")));
        Assert.Equal(["v.tif"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_uncommitted_writer_leaves_neither_the_file_nor_a_temporary()
    {
        using var temp = new TemporaryDirectory();
        using (var writer = new MultiPageTiffWriter<ushort>(temp.File("v.tif"), 3, 2))
        {
            writer.AppendPage(new ushort[2, 3]);
            Assert.Equal(1, writer.PageCount);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_file_can_be_written_slab_by_slab()
    {
        using var temp = new TemporaryDirectory();
        var volume = TestVolumes.Create<byte>(5, 6, 7);
        using (var writer = new MultiPageTiffWriter<byte>(temp.File("v.tif"), width: 7, height: 6))
        {
            writer.AppendPages(TestVolumes.Slab(volume, 0, 2));
            writer.AppendPages(TestVolumes.Slab(volume, 2, 5));
            writer.Commit();
        }

        TestVolumes.AssertBitEqual(volume, MultiPageTiff.ReadVolume<byte>(temp.File("v.tif")));
    }

    private static void AssertRoundTrip<T>(TiffPixelType expectedType)
        where T : unmanaged
    {
        using var temp = new TemporaryDirectory();
        var volume = TestVolumes.Create<T>(4, 300, 211);

        MultiPageTiff.Write(temp.File("volume.tif"), volume);

        Assert.Equal(new TiffVolumeInfo(211, 300, 4, expectedType), MultiPageTiff.Probe(temp.File("volume.tif")));
        TestVolumes.AssertBitEqual(volume, MultiPageTiff.ReadVolume<T>(temp.File("volume.tif")));
    }
}
