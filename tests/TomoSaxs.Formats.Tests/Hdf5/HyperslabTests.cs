using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;

namespace TomoSaxs.Formats.Tests.Hdf5;

/// <summary>
/// Reading one frame, or a rectangle of one, gives the same pixels as cutting them from a full read, and
/// decodes only the chunks involved (counted with <see cref="Hdf5ReadStatistics"/>).
/// </summary>
public sealed class HyperslabTests
{
    public static TheoryData<string> Scans() => TestFiles.ScanFixtureNames();

    [Theory]
    [MemberData(nameof(Scans))]
    public void Frame_1_3_equals_the_frame_cut_from_the_full_read_and_decodes_one_chunk(string name)
    {
        using var scan = I22Scan.Open(TestFiles.Fixture(name));
        var single = new Hdf5ReadStatistics();
        var whole = new Hdf5ReadStatistics();

        var frame = scan.ReadFrame<int>(1, 3, single);
        var all = scan.Frames.ReadHyperslab<int>([0, 0, 0, 0], [.. scan.Frames.Shape], whole);

        var frameLength = scan.FrameRows * scan.FrameColumns;
        var cut = all.AsSpan((1 * scan.Positions + 3) * frameLength, frameLength).ToArray();
        Assert.Equal(cut, frame.Pixels);
        Assert.Equal(scan.Frames.Read<int>(), all);
        // One chunk per frame in the fixtures: the frame read touched 1 chunk, the full read all 10.
        Assert.Equal(1, single.ChunksDecoded);
        Assert.Equal(scan.Slices * scan.Positions, whole.ChunksDecoded);
    }

    [Theory]
    [MemberData(nameof(Scans))]
    public void Sub_rectangle_equals_the_same_pixels_of_the_whole_frame(string name)
    {
        using var scan = I22Scan.Open(TestFiles.Fixture(name));
        var statistics = new Hdf5ReadStatistics();

        var region = scan.ReadFrameRegion<float>(1, 3, firstRow: 10, rows: 20, firstColumn: 5, columns: 30, statistics);
        var frame = scan.ReadFrame<float>(1, 3);

        Assert.Equal(20 * 30, region.Pixels.Length);
        for (var row = 10; row < 30; row++)
        {
            for (var column = 5; column < 35; column++)
            {
                Assert.Equal(frame[row, column], region[row, column]);
            }
        }

        Assert.Equal(41f, region[10, 7]);   // expected.json pixel check [1, 3, 10, 7]
        Assert.Equal(1, statistics.ChunksDecoded);
    }

    [Fact]
    public void Box_inside_one_chunk_decodes_one_chunk_and_a_box_across_four_decodes_four()
    {
        // lzf_edgechunks_float32: shape [5, 37, 29] in [2, 16, 16] chunks, 18 chunks in all.
        using var file = Hdf5File.Open(TestFiles.Hdf5Data("filter_vectors.h5"));
        var data = file.Dataset("lzf_edgechunks_float32/data");
        var reference = file.Dataset("lzf_edgechunks_float32/reference").Read<float>();
        var inside = new Hdf5ReadStatistics();
        var across = new Hdf5ReadStatistics();
        var everything = new Hdf5ReadStatistics();

        var small = data.ReadHyperslab<float>([2, 17, 17], [2, 10, 10], inside);
        var large = data.ReadHyperslab<float>([0, 10, 10], [1, 12, 12], across);
        data.ReadHyperslab<float>([0, 0, 0], [5, 37, 29], everything);

        Assert.Equal(1, inside.ChunksDecoded);
        Assert.Equal(4, across.ChunksDecoded);
        Assert.Equal(18, everything.ChunksDecoded);
        Assert.Equal(reference[(2 * 37 + 17) * 29 + 17], small[0]);
        Assert.Equal(reference[(3 * 37 + 26) * 29 + 26], small[^1]);
        Assert.Equal(reference[(0 * 37 + 21) * 29 + 21], large[^1]);
    }

    [Fact]
    public void Frames_read_in_parallel_equal_frames_read_one_by_one()
    {
        using var scan = I22Scan.Open(TestFiles.Fixture("scan_bitshuffle_lz4.nxs"));
        var points = Enumerable.Range(0, scan.Slices * scan.Positions).ToArray();
        var sequential = points.Select(p => scan.ReadFrame<int>(p / scan.Positions, p % scan.Positions).Pixels).ToArray();

        var parallel = new int[points.Length][];
        Parallel.For(0, points.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            p => parallel[p] = scan.ReadFrame<int>(p / scan.Positions, p % scan.Positions).Pixels);

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Box_outside_the_dataset_is_an_argument_error()
    {
        using var scan = I22Scan.Open(TestFiles.Fixture("scan_none.nxs"));

        Assert.Throws<ArgumentOutOfRangeException>(() => scan.ReadFrame<int>(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => scan.ReadFrameRegion<int>(0, 0, 60, 10, 0, 48));
        Assert.Throws<ArgumentException>(() => scan.Frames.ReadHyperslab<int>([0, 0, 0], [1, 1, 1]));
    }
}
