using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Formats.Tests.Hdf5;

/// <summary>
/// int32, uint32, float32, float64 and uint8 datasets read as their own type, convert to wider or floating
/// types, and refuse conversions that could lose values.
/// </summary>
public sealed class ElementTypeTests
{
    [Theory]
    [InlineData("blosc_blosclz_byteshuffle_int32", Hdf5ElementType.Int32)]
    [InlineData("gzip_shuffle_edgechunks_uint32", Hdf5ElementType.UInt32)]
    [InlineData("lzf_edgechunks_float32", Hdf5ElementType.Float32)]
    [InlineData("gzip_edgechunks_float64", Hdf5ElementType.Float64)]
    [InlineData("blosc_blosclz_noshuffle_uint8", Hdf5ElementType.UInt8)]
    public void Stored_type_is_reported(string group, Hdf5ElementType type)
    {
        using var file = Hdf5File.Open(TestFiles.Hdf5Data("filter_vectors.h5"));

        Assert.Equal(type, file.Dataset($"{group}/data").ElementType);
    }

    [Fact]
    public void Native_reads_equal_converted_reads()
    {
        using var file = Hdf5File.Open(TestFiles.Hdf5Data("filter_vectors.h5"));

        var int32 = file.Dataset("blosc_blosclz_byteshuffle_int32/data");
        Assert.Equal(int32.Read<int>().Select(v => (double)v), int32.Read<double>());
        Assert.Equal(int32.Read<int>().Select(v => (long)v), int32.Read<long>());
        Assert.Contains(-1, int32.Read<int>());   // the gap pixels

        var uint32 = file.Dataset("gzip_shuffle_edgechunks_uint32/data");
        Assert.Equal(uint32.Read<uint>().Select(v => (long)v), uint32.Read<long>());

        var float32 = file.Dataset("lzf_edgechunks_float32/data");
        Assert.Equal(float32.Read<float>().Select(v => (double)v), float32.Read<double>());

        var float64 = file.Dataset("gzip_edgechunks_float64/data");
        Assert.Equal(float64.Read<double>().Select(v => (float)v), float64.Read<float>());

        var uint8 = file.Dataset("blosc_blosclz_noshuffle_uint8/data");
        Assert.Equal(uint8.Read<byte>().Select(v => (int)v), uint8.Read<int>());
        Assert.Equal(uint8.Read<byte>().Select(v => (short)v), uint8.Read<short>());
    }

    [Fact]
    public void Conversions_that_could_lose_values_are_refused()
    {
        using var file = Hdf5File.Open(TestFiles.Hdf5Data("filter_vectors.h5"));

        var error = Assert.Throws<DataFileException>(() => file.Dataset("gzip_shuffle_edgechunks_uint32/data").Read<int>());
        Assert.Contains("stored as uint32, which cannot be read as int32 without loss", error.Cause);
        Assert.Throws<DataFileException>(() => file.Dataset("blosc_blosclz_byteshuffle_int32/data").Read<uint>());
        Assert.Throws<DataFileException>(() => file.Dataset("blosc_blosclz_byteshuffle_int32/data").Read<short>());
        Assert.Throws<DataFileException>(() => file.Dataset("lzf_edgechunks_float32/data").Read<long>());
    }

    [Fact]
    public void Filter_registration_is_idempotent_and_thread_safe()
    {
        Parallel.For(0, 64, _ => Hdf5Filters.EnsureRegistered());
        Hdf5Filters.EnsureRegistered();

        using var file = Hdf5File.Open(TestFiles.Fixture("scan_lzf.nxs"));
        Assert.Equal(41, file.Dataset("entry1/SAXS/data").ReadHyperslab<int>([1, 3, 10, 7], [1, 1, 1, 1])[0]);
        Assert.Equal([1, 2, 3, 6, 32000, 32001, 32004, 32008], Hdf5Filters.DecodableIds.Select(id => (int)id));
    }
}
