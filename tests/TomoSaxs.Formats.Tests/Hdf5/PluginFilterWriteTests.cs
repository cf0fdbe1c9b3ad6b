using PureHDF;
using PureHDF.VOL.Native;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Hdf5;

/// <summary>
/// Chunks written with the bitshuffle + LZ4 (32008) and LZ4 (32004) encoders are read back by PureHDF and, above
/// all, by the HDF5 C library with the real plugins (Debian packages bitshuffle and hdf5-filter-plugin), so files
/// the phantom writes open in DAWN, h5py and every other libhdf5 tool.
/// </summary>
public sealed class PluginFilterWriteTests
{
    private const int Frames = 3;
    private const int Rows = 37;
    private const int Columns = 29;

    [Fact]
    public void Bitshuffle_lz4_frames_decode_with_PureHDF_and_with_the_C_plugin()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("frames.h5");
        var counts = DetectorCounts();
        var root = new ArtefactGroup();
        root.AddStreamedDataset<int>("data", [Frames, Rows, Columns], ArtefactStorage.ChunkedBitshuffleLz4([1, Rows, Columns]));

        using (var writer = Hdf5ArtefactWriter.Begin(path, root))
        {
            for (var frame = 0; frame < Frames; frame++)
            {
                writer.WriteSlab<int>("data", [frame, 0, 0], [1, Rows, Columns], counts.AsSpan(frame * Rows * Columns, Rows * Columns).ToArray());
            }

            writer.Commit();
        }

        using (var file = Hdf5File.Open(path))
        {
            var data = file.Dataset("data");
            Assert.Equal(counts, data.Read<int>());
            var filter = Assert.Single(data.Filters);
            Assert.Equal(Hdf5Filters.Bitshuffle, filter.Id);
            Assert.Equal(new uint[] { 0, 3, 4, 0, 2 }, filter.Parameters);
        }

        var properties = H5Dump.Properties(path, "/data");
        Assert.Contains("FILTER_ID 32008", properties);
        Assert.Contains("PARAMS { 0 3 4 0 2 }", properties);
        var plugin = Hdf5Plugins.FolderOf(Hdf5Plugins.Bitshuffle);
        Assert.Equal(counts.Select(v => (double)v), H5Dump.Numbers(path, "/data", pluginFolder: plugin));
    }

    [Fact]
    public void Lz4_chunks_written_through_PureHDF_decode_with_the_C_plugin()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("lz4.h5");
        var counts = DetectorCounts();
        Hdf5Filters.EnsureRegistered();
        var file = new H5File
        {
            ["data"] = new H5Dataset(counts, chunks: [1, Rows, Columns], fileDims: [Frames, Rows, Columns],
                datasetCreation: new H5DatasetCreation(Filters: [Hdf5Filters.Lz4])),
        };

        file.Write(path);

        using (var read = Hdf5File.Open(path))
        {
            Assert.Equal(counts, read.Dataset("data").Read<int>());
        }

        var plugin = Hdf5Plugins.FolderOf(Hdf5Plugins.Lz4);
        Assert.Equal(counts.Select(v => (double)v), H5Dump.Numbers(path, "/data", pluginFolder: plugin));
    }

    /// <summary>Poisson-like counts with gap pixels at −1, the data the filters are made for.</summary>
    private static int[] DetectorCounts()
    {
        var random = new Random(17);
        var counts = new int[Frames * Rows * Columns];
        for (var i = 0; i < counts.Length; i++)
        {
            var row = i / Columns % Rows;
            counts[i] = row == 18 ? -1 : random.Next(4) == 0 ? random.Next(100_000) : random.Next(20);
        }

        return counts;
    }
}
