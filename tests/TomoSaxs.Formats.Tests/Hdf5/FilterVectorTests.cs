using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Formats.Tests.Hdf5;

/// <summary>
/// Reads Hdf5/Data/filter_vectors.h5 (made by make_filter_vectors.py with libhdf5, hdf5plugin and libblosc):
/// every group holds a filtered `data` dataset and an unfiltered `reference` with the same values.
/// </summary>
public sealed class FilterVectorTests
{
    public static TheoryData<string, ushort> Cases() => new()
    {
        { "blosc_blosclz_byteshuffle_int32", Hdf5Filters.Blosc },
        { "blosc_blosclz_bitshuffle_float32", Hdf5Filters.Blosc },
        { "blosc_blosclz_noshuffle_uint8", Hdf5Filters.Blosc },
        { "blosc_lz4_bitshuffle_int32", Hdf5Filters.Blosc },
        { "blosc_zlib_byteshuffle_float64", Hdf5Filters.Blosc },
        { "blosc_lz4_byteshuffle_multiblock_uint32", Hdf5Filters.Blosc },
        { "blosc_blosclz_bitshuffle_nosplit_multiblock_int32", Hdf5Filters.Blosc },
        { "blosc_memcpyed_multiblock_int32", Hdf5Filters.Blosc },
        { "lz4_multiblock_int32", Hdf5Filters.Lz4 },
        { "lz4_incompressible_uint8", Hdf5Filters.Lz4 },
        { "lzf_edgechunks_float32", Hdf5Filters.Lzf },
        { "gzip_shuffle_edgechunks_uint32", Hdf5Filters.Deflate },
        { "gzip_edgechunks_float64", Hdf5Filters.Deflate },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filtered_data_equal_the_unfiltered_reference(string group, ushort filterId)
    {
        using var file = Hdf5File.Open(TestFiles.Hdf5Data("filter_vectors.h5"));
        var data = file.Dataset($"{group}/data");
        var reference = file.Dataset($"{group}/reference");

        Assert.Contains(data.Filters, filter => filter.Id == filterId);
        Assert.Equal(reference.Shape, data.Shape);
        Assert.Equal(reference.ElementType, data.ElementType);
        Assert.Equal(reference.Read<double>(), data.Read<double>());
    }

    [Fact]
    public void Edge_chunk_hyperslab_equals_the_same_box_of_the_reference()
    {
        using var file = Hdf5File.Open(TestFiles.Hdf5Data("filter_vectors.h5"));
        var data = file.Dataset("lzf_edgechunks_float32/data");
        var reference = file.Dataset("lzf_edgechunks_float32/reference");
        long[] start = [3, 10, 13];
        long[] count = [2, 27, 16];

        var box = data.ReadHyperslab<float>(start, count);

        Assert.Equal(2 * 27 * 16, box.Length);
        Assert.Equal(reference.ReadHyperslab<float>(start, count), box);
        Assert.Equal(new long[] { 2, 16, 16 }, data.ChunkShape);
    }
}
