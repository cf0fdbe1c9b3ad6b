using PureHDF;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Hdf5;

/// <summary>Bad input gives one clear <see cref="DataFileException"/> naming the file, the dataset and the cause.</summary>
public sealed class ReadErrorTests
{
    [Fact]
    public void Truncated_file_is_reported_as_truncated()
    {
        using var folder = new TemporaryDirectory();
        var copy = folder.File("scan_gzip_shuffle.nxs");
        var bytes = File.ReadAllBytes(TestFiles.Fixture("scan_gzip_shuffle.nxs"));
        File.WriteAllBytes(copy, bytes[..(bytes.Length * 2 / 3)]);

        var error = Assert.Throws<DataFileException>(() => I22Scan.Open(copy));

        Assert.Equal(copy, error.FilePath);
        Assert.Contains("truncated", error.Cause);
        Assert.Contains($"{bytes.Length * 2 / 3} bytes", error.Cause);
        Assert.Contains(copy, error.Message);
    }

    [Fact]
    public void File_cut_by_a_single_byte_is_still_caught()
    {
        using var folder = new TemporaryDirectory();
        var copy = folder.File("scan_lz4.nxs");
        var bytes = File.ReadAllBytes(TestFiles.Fixture("scan_lz4.nxs"));
        File.WriteAllBytes(copy, bytes[..^1]);

        var error = Assert.Throws<DataFileException>(() => Hdf5File.Open(copy));

        Assert.Contains("truncated", error.Cause);
    }

    [Fact]
    public void File_that_is_not_hdf5_is_reported()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("notes.nxs");
        File.WriteAllText(path, "this is a text file, not HDF5\n");

        var error = Assert.Throws<DataFileException>(() => Hdf5File.Open(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("not an HDF5 file", error.Cause);
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        var error = Assert.Throws<DataFileException>(() => Hdf5File.Open("/nonexistent/scan.nxs"));

        Assert.Contains("does not exist", error.Cause);
    }

    [Fact]
    public void Missing_dataset_names_the_dataset_and_the_missing_member()
    {
        using var file = Hdf5File.Open(TestFiles.Fixture("scan_none.nxs"));

        var error = Assert.Throws<DataFileException>(() => file.Dataset("entry1/SAXS/frames"));

        Assert.Equal(TestFiles.Fixture("scan_none.nxs"), error.FilePath);
        Assert.Equal("/entry1/SAXS/frames", error.Item);
        Assert.Contains("group '/entry1/SAXS' has no member 'frames'", error.Cause);
    }

    [Fact]
    public void File_without_scan_frames_is_not_an_I22_scan()
    {
        var error = Assert.Throws<DataFileException>(() => I22Scan.Open(TestFiles.Fixture("mask.nxs")));

        Assert.Equal("/entry/SAXS/data", error.Item);
        Assert.Contains("has no member 'SAXS'", error.Cause);
    }

    [Fact]
    public void Unknown_filter_id_names_the_filter()
    {
        using var folder = new TemporaryDirectory();
        var copy = TestFiles.WithUnknownFilter(folder);

        using var scan = I22Scan.Open(copy);
        var error = Assert.Throws<DataFileException>(() => scan.ReadFrame<int>(0, 0));

        Assert.Equal(copy, error.FilePath);
        Assert.Equal("/entry1/SAXS/data", error.Item);
        Assert.Contains("HDF5 filter 32123 ('mystery filter!", error.Cause);
        Assert.Contains("cannot decode", error.Cause);
        Assert.Single(scan.Frames.Filters, filter => filter.Id == 32123 && !filter.CanDecode);
    }

    [Fact]
    public void Corrupt_chunk_is_reported_with_the_dataset_and_region()
    {
        // Frame [0, 0] of scan_gzip_shuffle.nxs is the 2036-byte deflate chunk at byte 13896 (h5py's
        // get_chunk_info). Overwriting its middle leaves a complete file whose chunk no longer inflates.
        const int chunkOffset = 13896;
        using var folder = new TemporaryDirectory();
        var copy = folder.File("scan_gzip_corrupt.nxs");
        var bytes = File.ReadAllBytes(TestFiles.Fixture("scan_gzip_shuffle.nxs"));
        Assert.Equal(0x78, bytes[chunkOffset]);   // the zlib header
        Array.Fill(bytes, (byte)0xA5, chunkOffset + 50, 400);
        File.WriteAllBytes(copy, bytes);

        using var scan = I22Scan.Open(copy);
        var error = Assert.Throws<DataFileException>(() => scan.ReadFrame<int>(0, 0));

        Assert.Equal("/entry1/SAXS/data", error.Item);
        Assert.Contains("cannot read [0, 0, 0:64, 0:48]", error.Cause);
        Assert.Equal(41, scan.ReadFrame<int>(1, 3)[10, 7]);   // other chunks still read
    }

    [Fact]
    public void Float_data_are_not_read_as_integers()
    {
        using var file = Hdf5File.Open(TestFiles.Fixture("scan_none.nxs"));
        var sums = file.Dataset("entry1/SAXS_sum/sum");

        var error = Assert.Throws<DataFileException>(() => sums.Read<int>());

        Assert.Equal("/entry1/SAXS_sum/sum", error.Item);
        Assert.Contains("stored as float64, which cannot be read as int32 without loss", error.Cause);
    }

    [Fact]
    public void Frames_of_the_wrong_rank_are_refused()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("flat_frames.nxs");
        new H5File
        {
            ["entry1"] = new H5Group { ["SAXS"] = new H5Group { ["data"] = new H5Dataset(new int[12], fileDims: [4, 3]) } },
        }.Write(path);

        var error = Assert.Throws<DataFileException>(() => I22Scan.Open(path));

        Assert.Equal("/entry1/SAXS/data", error.Item);
        Assert.Contains("has rank 2 (shape [4, 3]), expected rank 3 or 4", error.Cause);
    }

    [Fact]
    public void Text_dataset_is_not_read_as_numbers()
    {
        using var file = Hdf5File.Open(TestFiles.Fixture("scan_none.nxs"));

        var error = Assert.Throws<DataFileException>(() => file.Dataset("entry1/title").Read<double>());

        Assert.Contains("not numeric", error.Cause);
        Assert.Equal(["fixture none"], file.Dataset("entry1/title").ReadStrings());
    }
}
