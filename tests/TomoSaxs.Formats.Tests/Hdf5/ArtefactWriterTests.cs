using TomoSaxs.Formats.Hdf5;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Hdf5;

/// <summary>
/// Artefacts written with <see cref="Hdf5ArtefactWriter"/> read back with identical values through PureHDF
/// (this library's reader) and through the HDF5 C library (h5dump), including chunked, shuffled and deflated
/// datasets and attributes.
/// </summary>
public sealed class ArtefactWriterTests
{
    private static readonly float[] Frames = MakeFrames(3, 200, 150);
    private static readonly double[] Map = [.. Enumerable.Range(0, 37 * 29).Select(i => Math.Sin(i * 0.01) * 1e3 + i / 7.0)];
    private static readonly int[] Counts = [0, -1, 2, int.MaxValue, int.MinValue, 12345];
    private static readonly byte[] Mask = [.. Enumerable.Range(0, 64 * 48).Select(i => (byte)(i % 97 == 0 ? 1 : 0))];

    [Fact]
    public void Written_file_reads_back_identically_with_PureHDF_and_h5dump()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("artefact.h5");

        Hdf5ArtefactWriter.Write(path, BuildTree());

        using (var file = Hdf5File.Open(path))
        {
            Assert.Equal(Frames, file.Dataset("slices/03/frames").Read<float>());
            Assert.Equal(new long[] { 3, 200, 150 }, file.Dataset("slices/03/frames").Shape);
            Assert.Equal(new long[] { 1, 200, 150 }, file.Dataset("slices/03/frames").ChunkShape);
            Assert.Equal([Hdf5Filters.Shuffle, Hdf5Filters.Deflate], file.Dataset("slices/03/frames").Filters.Select(f => f.Id));
            Assert.Equal(Map, file.Dataset("map").Read<double>());
            Assert.Equal(Counts, file.Dataset("counts").Read<int>());
            Assert.Equal(Mask, file.Dataset("mask").Read<byte>());
            Assert.Equal(Hdf5ElementType.UInt8, file.Dataset("mask").ElementType);
            Assert.Equal(["I22", "µm and nm"], file.Dataset("labels").ReadStrings());
            Assert.Equal(0.282179, file.Dataset("q0_nm").ReadScalar());
            Assert.Equal(["Correct"], file.Dataset("stage").ReadStrings());
            Assert.Equal("um", file.Dataset("slices/03/frames").Units);
            Assert.Equal("correct", file.StringAttribute("/", "stage"));
            var rootAttributes = file.Attributes("/").ToDictionary(a => a.Name, a => a.Value);
            Assert.Equal(3L, rootAttributes["stage_version"]);
            Assert.Equal(new[] { 0.5, 1.5 }, (double[])rootAttributes["range_um"]);
            Assert.Equal(2.5, file.Attributes("slices").Single(a => a.Name == "thickness_um").Value);
        }

        Assert.Equal(Frames.Select(v => (double)v), H5Dump.Numbers(path, "/slices/03/frames"));
        Assert.Equal(Map, H5Dump.Numbers(path, "/map"));
        Assert.Equal(Counts.Select(v => (double)v), H5Dump.Numbers(path, "/counts"));
        Assert.Equal(Mask.Select(v => (double)v), H5Dump.Numbers(path, "/mask"));
        Assert.Equal(["I22", "µm and nm"], H5Dump.Strings(path, "/labels"));
        Assert.Equal([0.282179], H5Dump.Numbers(path, "/q0_nm"));
        Assert.Equal(["correct"], H5Dump.Strings(path, "/stage", attribute: true));
        Assert.Equal([3.0], H5Dump.Numbers(path, "/stage_version", attribute: true));
        Assert.Equal([0.5, 1.5], H5Dump.Numbers(path, "/range_um", attribute: true));
        Assert.Equal(["um"], H5Dump.Strings(path, "/slices/03/frames/units", attribute: true));

        var frames = H5Dump.Properties(path, "/slices/03/frames");
        Assert.Contains("H5T_IEEE_F32LE", frames);
        Assert.Contains("CHUNKED ( 1, 200, 150 )", frames);
        Assert.Contains("PREPROCESSING SHUFFLE", frames);
        Assert.Contains("COMPRESSION DEFLATE { LEVEL 6 }", frames);
        var map = H5Dump.Properties(path, "/map");
        Assert.Contains("H5T_IEEE_F64LE", map);
        Assert.Contains("COMPRESSION DEFLATE { LEVEL 9 }", map);
        Assert.DoesNotContain("SHUFFLE", map);
        Assert.Contains("H5T_STD_U8LE", H5Dump.Properties(path, "/mask"));
        Assert.Contains("H5T_STD_I32LE", H5Dump.Properties(path, "/counts"));
    }

    [Fact]
    public void Streamed_frames_are_written_chunk_by_chunk_and_read_back_by_both_libraries()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("corrected.h5");
        var root = new ArtefactGroup();
        root.AddStreamedDataset<float>("frames", [3, 200, 150], ArtefactStorage.Chunked([1, 200, 150]))
            .Attributes.Set("units", "counts");

        using (var writer = Hdf5ArtefactWriter.Begin(path, root))
        {
            for (var frame = 2; frame >= 0; frame--)
            {
                writer.WriteSlab("frames", [frame, 0, 0], [1, 200, 150], Frames.AsSpan(frame * 200 * 150, 200 * 150).ToArray());
            }

            Assert.False(File.Exists(path));
            writer.Commit();
        }

        using (var file = Hdf5File.Open(path))
        {
            Assert.Equal(Frames, file.Dataset("frames").Read<float>());
        }

        Assert.Equal(Frames.Select(v => (double)v), H5Dump.Numbers(path, "/frames"));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void Writer_disposed_without_commit_leaves_the_previous_file_and_no_temporary_file()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("registration.h5");
        var previous = new ArtefactGroup();
        previous.AddScalar("version", 1);
        Hdf5ArtefactWriter.Write(path, previous);
        var replacement = new ArtefactGroup();
        replacement.AddStreamedDataset<double>("weights", [4, 4], ArtefactStorage.Chunked([2, 4]));

        using (var writer = Hdf5ArtefactWriter.Begin(path, replacement))
        {
            writer.WriteSlab("weights", [0, 0], [2, 4], new double[8]);
        }

        using var file = Hdf5File.Open(path);
        Assert.Equal(1, file.Dataset("version").ReadScalar());
        Assert.False(file.Exists("weights"));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Commit_refuses_a_streamed_dataset_with_missing_chunks()
    {
        using var folder = new TemporaryDirectory();
        var root = new ArtefactGroup();
        root.AddStreamedDataset<int>("counts", [4, 6], ArtefactStorage.Chunked([2, 3]));
        using var writer = Hdf5ArtefactWriter.Begin(folder.File("partial.h5"), root);
        writer.WriteSlab("counts", [0, 0], [2, 6], new int[12]);

        var error = Assert.Throws<InvalidOperationException>(writer.Commit);

        Assert.Contains("/counts (2 of 4 chunks)", error.Message);
    }

    [Fact]
    public void Slab_that_cuts_through_chunks_is_refused()
    {
        using var folder = new TemporaryDirectory();
        var root = new ArtefactGroup();
        root.AddStreamedDataset<float>("frames", [2, 10, 10], ArtefactStorage.Chunked([1, 10, 10]));
        using var writer = Hdf5ArtefactWriter.Begin(folder.File("frames.h5"), root);

        Assert.Throws<ArgumentException>(() => writer.WriteSlab("frames", [0, 0, 0], [1, 5, 10], new float[50]));
        Assert.Throws<ArgumentException>(() => writer.WriteSlab("frames", [0, 0, 0], [1, 10, 10], new double[100].Select(v => (float)v).Take(99).ToArray()));
        Assert.Throws<ArgumentException>(() => writer.WriteSlab("frames", [0, 0, 0], [1, 10, 10], new double[100]));
    }

    [Fact]
    public void Unsupported_deflate_level_and_clashing_names_are_refused()
    {
        var root = new ArtefactGroup();
        root.Group("entry");

        Assert.Throws<ArgumentOutOfRangeException>(() => ArtefactStorage.Chunked([4], deflateLevel: 4));
        Assert.Throws<ArgumentException>(() => root.AddScalar("entry", 1.0));
        Assert.Throws<ArgumentException>(() => root.AddDataset("bad/name", new[] { 1.0 }));
        Assert.Throws<ArgumentException>(() => root.AddDataset("short", new[] { 1.0, 2.0 }, shape: [3]));
    }

    private static ArtefactGroup BuildTree()
    {
        var root = new ArtefactGroup();
        root.Attributes.Set("stage", "correct").Set("stage_version", 3).Set("range_um", [0.5, 1.5]);
        var slice = root.Group("slices").Group("03");
        root.Group("slices").Attributes.Set("thickness_um", 2.5);
        slice.AddDataset("frames", Frames, [3, 200, 150], ArtefactStorage.Chunked([1, 200, 150])).Attributes.Set("units", "um");
        root.AddDataset("map", Map, [37, 29], ArtefactStorage.Chunked([16, 16], deflateLevel: 9, shuffle: false));
        root.AddDataset("counts", Counts);
        root.AddDataset("mask", Mask, [64, 48], ArtefactStorage.Chunked([64, 48], deflateLevel: 1));
        root.AddStrings("labels", ["I22", "µm and nm"]);
        root.AddScalar("q0_nm", 0.282179);
        root.AddString("stage", "Correct");
        return root;
    }

    private static float[] MakeFrames(int frames, int rows, int columns)
    {
        var random = new Random(17);
        return [.. Enumerable.Range(0, frames * rows * columns).Select(i => (float)(Math.Round(random.NextDouble() * 40, 2) + (i % columns) * 0.125))];
    }
}
