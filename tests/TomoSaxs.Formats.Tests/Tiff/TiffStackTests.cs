using TomoSaxs.Formats.Tiff;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Tiff;

public sealed class TiffStackTests
{
    [Fact]
    public void Stack_round_trip_is_bit_exact_for_8_bit_unsigned() => AssertStackRoundTrip<byte>(TiffPixelType.UInt8);

    [Fact]
    public void Stack_round_trip_is_bit_exact_for_16_bit_unsigned() => AssertStackRoundTrip<ushort>(TiffPixelType.UInt16);

    [Fact]
    public void Stack_round_trip_is_bit_exact_for_32_bit_float() => AssertStackRoundTrip<float>(TiffPixelType.Float32);

    [Fact]
    public void Slices_are_ordered_by_the_number_in_the_name_not_alphabetically()
    {
        using var temp = new TemporaryDirectory();
        var folder = Path.Combine(temp.Path, "theta");
        Directory.CreateDirectory(folder);
        // Unpadded names, created in an order that is neither numeric nor alphabetical.
        foreach (var number in new[] { 10, 2, 1, 0, 9, 11, 3, 5, 4, 7, 6, 8 })
        {
            var image = new byte[2, 3];
            image[0, 0] = (byte)number;
            MultiPageTiff.WriteImage(Path.Combine(folder, $"slice_{number}.tif"), image);
        }

        var stack = TiffStack.Open(folder);

        Assert.Equal(Enumerable.Range(0, 12).Select(n => $"slice_{n}.tif"), stack.SliceFiles.Select(Path.GetFileName));
        var volume = stack.ReadSlices<byte>(0, 12);
        Assert.Equal(Enumerable.Range(0, 12).Select(n => (byte)n), Enumerable.Range(0, 12).Select(z => volume[z, 0, 0]));
    }

    [Fact]
    public void The_slice_number_is_the_last_number_in_the_name_and_need_not_start_at_zero()
    {
        using var temp = new TemporaryDirectory();
        foreach (var number in new[] { 451, 450, 452 })
        {
            MultiPageTiff.WriteImage(temp.File($"high res 2_{number}.tiff"), new byte[1, 1] { { (byte)number } });
        }

        var stack = TiffStack.Open(temp.Path);

        Assert.Equal(new byte[] { 194, 195, 196 }, Enumerable.Range(0, 3).Select(z => stack.ReadSlice<byte>(z)[0, 0]));
    }

    [Fact]
    public void Sub_folders_hidden_files_and_non_tiff_files_are_ignored()
    {
        using var temp = new TemporaryDirectory();
        TiffStack.Write(Path.Combine(temp.Path, "ct"), TestVolumes.Create<byte>(3, 4, 5));
        var folder = Path.Combine(temp.Path, "ct");
        Directory.CreateDirectory(Path.Combine(folder, "rois"));
        File.WriteAllText(Path.Combine(folder, "rois", "7.tif"), "not an image");
        File.WriteAllText(Path.Combine(folder, "._0001.tif"), "macOS resource fork");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "from Fiji");

        Assert.Equal(3, TiffStack.Probe(folder).Depth);
    }

    [Fact]
    public void A_z_range_read_returns_exactly_those_slices()
    {
        using var temp = new TemporaryDirectory();
        var volume = TestVolumes.Create<ushort>(7, 5, 6);
        TiffStack.Write(temp.File("stack"), volume);
        var stack = TiffStack.Open(temp.File("stack"));

        TestVolumes.AssertBitEqual(TestVolumes.Slab(volume, 2, 5), stack.ReadSlices<ushort>(2, 5));
        TestVolumes.AssertBitEqual(TestVolumes.Slab(volume, 6, 7), stack.ReadSlices<ushort>(6, 7));
        Assert.Equal(TestVolumes.Slice(volume, 3), stack.ReadSlice<ushort>(3));
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(3, 3)]
    [InlineData(5, 8)]
    public void A_z_range_outside_the_stack_or_empty_is_rejected(int zStart, int zEnd)
    {
        using var temp = new TemporaryDirectory();
        TiffStack.Write(temp.File("stack"), TestVolumes.Create<byte>(7, 2, 2));

        Assert.Throws<ArgumentOutOfRangeException>(() => TiffStack.Open(temp.File("stack")).ReadSlices<byte>(zStart, zEnd));
    }

    [Fact]
    public void Probe_reports_size_type_and_count()
    {
        using var temp = new TemporaryDirectory();
        TiffStack.Write(temp.File("phi"), TestVolumes.Create<float>(4, 3, 8));

        var info = TiffStack.Probe(temp.File("phi"));

        Assert.Equal(new TiffVolumeInfo(Width: 8, Height: 3, Depth: 4, TiffPixelType.Float32), info);
        Assert.Equal(32, info.BitsPerSample);
        Assert.Equal(3, info.SampleFormat);
    }

    [Fact]
    public void Probe_does_not_decode_pixels()
    {
        using var temp = new TemporaryDirectory();
        ForeignTiff.WriteTruncated(temp.File("0.tif"), 64, 64);

        var info = TiffStack.Probe(temp.Path);

        Assert.Equal(new TiffVolumeInfo(64, 64, 1, TiffPixelType.UInt8), info);
    }

    [Fact]
    public void Reading_as_float_converts_integer_slices_exactly()
    {
        using var temp = new TemporaryDirectory();
        var volume = TestVolumes.Create<ushort>(3, 4, 4);
        TiffStack.Write(temp.File("index"), volume);

        var floats = TiffStack.Open(temp.File("index")).ReadSlicesAsFloat(1, 3);

        Assert.Equal((float)volume[2, 3, 1], floats[1, 3, 1]);
        Assert.Equal((float)volume[1, 0, 0], floats[0, 0, 0]);
    }

    [Fact]
    public void Requesting_the_wrong_pixel_type_names_both_types()
    {
        using var temp = new TemporaryDirectory();
        TiffStack.Write(temp.File("index"), TestVolumes.Create<ushort>(1, 2, 2));

        var error = Assert.Throws<DataFileException>(() => TiffStack.Open(temp.File("index")).ReadSlices<byte>(0, 1));

        Assert.Contains("16-bit unsigned", error.Message);
        Assert.Contains("8-bit unsigned", error.Message);
    }

    [Fact]
    public void Written_slices_are_zero_padded_with_the_chosen_prefix()
    {
        using var temp = new TemporaryDirectory();
        TiffStack.Write(temp.File("out"), TestVolumes.Create<byte>(3, 2, 2), new TiffWriteOptions { SliceFilePrefix = "slice_" });

        Assert.Equal(["slice_0000.tif", "slice_0001.tif", "slice_0002.tif"],
            Directory.GetFiles(temp.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Writing_replaces_an_existing_stack_and_leaves_no_temporary_folder()
    {
        using var temp = new TemporaryDirectory();
        TiffStack.Write(temp.File("ct"), TestVolumes.Create<byte>(5, 2, 2, seed: 1));
        var replacement = TestVolumes.Create<byte>(2, 3, 3, seed: 2);

        TiffStack.Write(temp.File("ct"), replacement);

        TestVolumes.AssertBitEqual(replacement, TiffStack.Open(temp.File("ct")).ReadSlices<byte>(0, 2));
        Assert.Equal(["ct"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_uncommitted_stack_writer_leaves_nothing_behind()
    {
        using var temp = new TemporaryDirectory();
        using (var writer = new TiffStackWriter<float>(temp.File("map"), 4, 3))
        {
            writer.AppendSlice(new float[3, 4]);
            Assert.Equal(1, writer.SliceCount);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_stack_can_be_written_slab_by_slab()
    {
        using var temp = new TemporaryDirectory();
        var volume = TestVolumes.Create<float>(6, 3, 4);
        using (var writer = new TiffStackWriter<float>(temp.File("v"), width: 4, height: 3))
        {
            writer.AppendSlices(TestVolumes.Slab(volume, 0, 4));
            writer.AppendSlice(TestVolumes.Slice(volume, 4));
            writer.AppendSlices(TestVolumes.Slab(volume, 5, 6));
            writer.Commit();
        }

        TestVolumes.AssertBitEqual(volume, TiffStack.Open(temp.File("v")).ReadSlices<float>(0, 6));
    }

    [Fact]
    public void A_slice_of_the_wrong_size_is_refused_by_the_writer()
    {
        using var temp = new TemporaryDirectory();
        using var writer = new TiffStackWriter<byte>(temp.File("v"), width: 4, height: 3);

        Assert.Throws<ArgumentException>(() => writer.AppendSlice(new byte[4, 3]));
    }

    private static void AssertStackRoundTrip<T>(TiffPixelType expectedType)
        where T : unmanaged
    {
        using var temp = new TemporaryDirectory();
        // Odd sizes and more rows than one strip holds exercise partial strips.
        var volume = TestVolumes.Create<T>(5, 301, 257);
        TiffStack.Write(temp.File("stack"), volume);

        var stack = TiffStack.Open(temp.File("stack"));

        Assert.Equal(new TiffVolumeInfo(257, 301, 5, expectedType), stack.Info);
        TestVolumes.AssertBitEqual(volume, stack.ReadSlices<T>(0, 5));
    }
}
