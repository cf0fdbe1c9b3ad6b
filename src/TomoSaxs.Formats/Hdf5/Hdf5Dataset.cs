using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PureHDF;
using PureHDF.Selections;
using PureHDF.VOL.Native;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// A dataset of an open <see cref="Hdf5File"/>: its shape, element type, chunking and filters, and reads of the
/// whole dataset or of a hyperslab (a box [start, start + count) per dimension), e.g. one detector frame
/// [slice, position, :, :] or a sub-rectangle of it, which fetch and decode only the chunks the box touches.
/// Numbers are converted to the requested element type when that loses nothing (any number to float or
/// double, narrower to wider integers); other combinations are refused with a <see cref="DataFileException"/>.
/// </summary>
public sealed class Hdf5Dataset
{
    // Upper bound for the per-read chunk cache; beyond it chunks may be decoded more than once, never wrongly.
    private const ulong MaxCacheBytes = 1UL << 30;

    private readonly Hdf5File file;
    private readonly NativeDataset native;

    internal Hdf5Dataset(Hdf5File file, string path, NativeDataset native)
    {
        this.file = file;
        this.native = native;
        Path = path;
        Shape = [.. native.Space.Dimensions.Select(dimension => checked((long)dimension))];
        ElementCount = Shape.Aggregate(1L, (product, dimension) => checked(product * dimension));
        ElementType = Hdf5TypeMapping.FromStored(native.Type);
        TypeDescription = Hdf5TypeMapping.Describe(native.Type);
        ElementSize = native.Type.Size;
        ChunkShape = native.Layout.Class == H5DataLayoutClass.Chunked
            ? [.. native.Layout.Chunks.Take(Shape.Count).Select(dimension => checked((long)dimension))]
            : null;
        Filters = PureHdfInternals.FilterPipeline(native);
    }

    /// <summary>The file this dataset was opened from, as given to <see cref="Hdf5File.Open"/>.</summary>
    public string FilePath => file.FilePath;

    /// <summary>The absolute path of the dataset inside the file, e.g. "/entry1/SAXS/data".</summary>
    public string Path { get; }

    /// <summary>The dimensions, slowest first; empty for a scalar.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The number of dimensions (0 for a scalar).</summary>
    public int Rank => Shape.Count;

    /// <summary>The number of elements (1 for a scalar).</summary>
    public long ElementCount { get; }

    /// <summary>The stored element type.</summary>
    public Hdf5ElementType ElementType { get; }

    /// <summary>A short description of the stored type: "int32", "float64", "enum(int8)", "string", "compound" ….</summary>
    public string TypeDescription { get; }

    /// <summary>The stored size of one element in bytes.</summary>
    public int ElementSize { get; }

    /// <summary>The chunk dimensions, or null when the dataset is not chunked.</summary>
    public IReadOnlyList<long>? ChunkShape { get; }

    /// <summary>The filter pipeline, in the order the writer applied it; empty when unfiltered.</summary>
    public IReadOnlyList<Hdf5FilterDescription> Filters { get; }

    /// <summary>The dataset's attributes, sorted by name.</summary>
    public IReadOnlyList<Hdf5Attribute> Attributes() => file.Attributes(Path);

    /// <summary>A text attribute, or null when there is none by that name.</summary>
    public string? StringAttribute(string name) => file.StringAttribute(Path, name);

    /// <summary>The "units" attribute (NeXus convention), or null.</summary>
    public string? Units => StringAttribute("units");

    /// <summary>Throws unless the dataset has one of the given ranks.</summary>
    /// <exception cref="DataFileException">The rank is another one.</exception>
    public void RequireRank(params int[] ranks)
    {
        if (!ranks.Contains(Rank))
        {
            var expected = string.Join(" or ", ranks);
            throw new DataFileException(FilePath, Path, $"has rank {Rank} (shape {FormatShape(Shape)}), expected rank {expected}");
        }
    }

    /// <summary>Reads the whole dataset, flattened in C order.</summary>
    /// <exception cref="DataFileException">The type cannot be read as <typeparamref name="T"/>, a filter is
    /// unknown, or the data are corrupt.</exception>
    public T[] Read<T>() where T : unmanaged, INumberBase<T>
    {
        var values = new T[checked((int)ElementCount)];
        ReadInto(null, null, values, null, "the whole dataset");
        return values;
    }

    /// <summary>Reads a single value (a scalar, or any dataset of one element) as a double.</summary>
    /// <exception cref="DataFileException">The dataset holds more than one value or is not numeric.</exception>
    public double ReadScalar()
    {
        if (ElementCount != 1)
        {
            throw new DataFileException(FilePath, Path, $"has shape {FormatShape(Shape)}, expected a single value");
        }

        return Read<double>()[0];
    }

    /// <summary>Reads a text dataset (scalar or array), flattened.</summary>
    /// <exception cref="DataFileException">The dataset is not text.</exception>
    public string[] ReadStrings()
    {
        if (ElementType != Hdf5ElementType.String)
        {
            throw new DataFileException(FilePath, Path, $"is stored as {TypeDescription}, expected text");
        }

        return Guard("the whole dataset", () => Rank == 0 ? [native.Read<string>()] : native.Read<string[]>());
    }

    /// <summary>Reads the box [start, start + count) (one entry per dimension), flattened in C order.</summary>
    /// <param name="start">The first index in each dimension.</param>
    /// <param name="count">The number of indices in each dimension.</param>
    /// <param name="statistics">Optional counter of the chunks decoded by this read.</param>
    /// <exception cref="ArgumentException">The box does not fit the dataset.</exception>
    /// <exception cref="DataFileException">The type cannot be read as <typeparamref name="T"/>, a filter is
    /// unknown, or the data are corrupt.</exception>
    public T[] ReadHyperslab<T>(ReadOnlySpan<long> start, ReadOnlySpan<long> count, Hdf5ReadStatistics? statistics = null)
        where T : unmanaged, INumberBase<T>
    {
        var values = new T[CheckBox(start, count)];
        ReadHyperslab(start, count, values, statistics);
        return values;
    }

    /// <summary>Reads the box [start, start + count) into <paramref name="destination"/> (C order).</summary>
    /// <inheritdoc cref="ReadHyperslab{T}(ReadOnlySpan{long}, ReadOnlySpan{long}, Hdf5ReadStatistics?)"/>
    public void ReadHyperslab<T>(ReadOnlySpan<long> start, ReadOnlySpan<long> count, Span<T> destination, Hdf5ReadStatistics? statistics = null)
        where T : unmanaged, INumberBase<T>
    {
        var total = CheckBox(start, count);
        if (destination.Length != total)
        {
            throw new ArgumentException($"The destination holds {destination.Length} elements; the box holds {total}.", nameof(destination));
        }

        if (total == 0)
        {
            return;
        }

        var starts = start.ToArray();
        var counts = count.ToArray();
        var selection = Rank == 0 ? null : new HyperslabSelection(Rank, ToUnsigned(starts), ToUnsigned(counts));
        ReadInto(selection, (starts, counts), destination, statistics, FormatBox(starts, counts));
    }

    internal static string FormatShape(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";

    private void ReadInto<T>(Selection? selection, (long[] Start, long[] Count)? box, Span<T> destination, Hdf5ReadStatistics? statistics, string region)
        where T : unmanaged, INumberBase<T>
    {
        EnsureReadableAs(typeof(T));
        var access = new H5DatasetAccess(ChunkCache: CacheFor(box, statistics));
        try
        {
            switch (ElementType)
            {
                case Hdf5ElementType.Int8: ReadStored<sbyte, T>(access, selection, destination); break;
                case Hdf5ElementType.UInt8: ReadStored<byte, T>(access, selection, destination); break;
                case Hdf5ElementType.Int16: ReadStored<short, T>(access, selection, destination); break;
                case Hdf5ElementType.UInt16: ReadStored<ushort, T>(access, selection, destination); break;
                case Hdf5ElementType.Int32: ReadStored<int, T>(access, selection, destination); break;
                case Hdf5ElementType.UInt32: ReadStored<uint, T>(access, selection, destination); break;
                case Hdf5ElementType.Int64: ReadStored<long, T>(access, selection, destination); break;
                case Hdf5ElementType.UInt64: ReadStored<ulong, T>(access, selection, destination); break;
                case Hdf5ElementType.Float32: ReadStored<float, T>(access, selection, destination); break;
                case Hdf5ElementType.Float64: ReadStored<double, T>(access, selection, destination); break;
                default: throw new DataFileException(FilePath, Path, $"is stored as {TypeDescription}, which is not numeric");
            }
        }
        catch (Exception exception) when (exception is not DataFileException)
        {
            throw new DataFileException(FilePath, Path, $"cannot read {region}: {Hdf5Errors.Innermost(exception)}", exception);
        }
    }

    private void ReadStored<TStored, T>(H5DatasetAccess access, Selection? selection, Span<T> destination)
        where TStored : unmanaged, INumberBase<TStored>
        where T : unmanaged, INumberBase<T>
    {
        ulong[] memoryDims = [(ulong)destination.Length];
        if (typeof(TStored) == typeof(T))
        {
            var same = MemoryMarshal.CreateSpan(ref Unsafe.As<T, TStored>(ref MemoryMarshal.GetReference(destination)), destination.Length);
            native.Read(access, same, selection, null, memoryDims);
            return;
        }

        var buffer = ArrayPool<TStored>.Shared.Rent(destination.Length);
        try
        {
            var stored = buffer.AsSpan(0, destination.Length);
            native.Read(access, stored, selection, null, memoryDims);
            ElementConversion.Convert<TStored, T>(stored, destination);
        }
        finally
        {
            ArrayPool<TStored>.Shared.Return(buffer);
        }
    }

    private void EnsureReadableAs(Type target)
    {
        if (!ElementConversion.CanRead(ElementType, target))
        {
            var wanted = Hdf5TypeMapping.Name(Hdf5TypeMapping.FromClr(target));
            var cause = ElementConversion.IsNumeric(ElementType)
                ? $"is stored as {TypeDescription}, which cannot be read as {wanted} without loss"
                : $"is stored as {TypeDescription}, which is not numeric (wanted {wanted})";
            throw new DataFileException(FilePath, Path, cause);
        }

        foreach (var filter in Filters.Where(filter => !filter.CanDecode))
        {
            var decodable = string.Join(", ", Hdf5Filters.DecodableIds.Select(id => $"{id} {Hdf5Filters.KnownName(id)}"));
            throw new DataFileException(FilePath, Path,
                $"is compressed with HDF5 filter {filter.Id} ('{filter.Name}'), which TomoSaxs cannot decode; decodable filters: {decodable}");
        }
    }

    private CountingChunkCache? CacheFor((long[] Start, long[] Count)? box, Hdf5ReadStatistics? statistics)
    {
        if (ChunkShape is null)
        {
            return null;
        }

        // Enough room for every chunk the box touches, so no chunk is decoded twice within one read.
        long touched = 1;
        for (var d = 0; d < Rank; d++)
        {
            var first = box is null ? 0 : box.Value.Start[d];
            var last = box is null ? Shape[d] - 1 : box.Value.Start[d] + box.Value.Count[d] - 1;
            touched = checked(touched * (last / ChunkShape[d] - first / ChunkShape[d] + 1));
        }

        var chunkBytes = (ulong)ChunkShape.Aggregate(1L, (product, dimension) => product * dimension) * (ulong)ElementSize;
        var bytes = Math.Min((ulong)touched * chunkBytes, MaxCacheBytes);
        return new CountingChunkCache((int)Math.Min(touched, int.MaxValue), Math.Max(bytes, chunkBytes), statistics);
    }

    private int CheckBox(ReadOnlySpan<long> start, ReadOnlySpan<long> count)
    {
        if (start.Length != Rank || count.Length != Rank)
        {
            throw new ArgumentException($"{Path} has rank {Rank}; the box has {start.Length} starts and {count.Length} counts.");
        }

        long total = 1;
        for (var d = 0; d < Rank; d++)
        {
            if (start[d] < 0 || count[d] < 0 || start[d] + count[d] > Shape[d])
            {
                throw new ArgumentException($"The box {FormatBox(start.ToArray(), count.ToArray())} does not fit {Path} of shape {FormatShape(Shape)}.");
            }

            total = checked(total * count[d]);
        }

        return checked((int)total);
    }

    private T Guard<T>(string region, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is not DataFileException)
        {
            throw new DataFileException(FilePath, Path, $"cannot read {region}: {Hdf5Errors.Innermost(exception)}", exception);
        }
    }

    private static string FormatBox(long[] start, long[] count) =>
        "[" + string.Join(", ", start.Zip(count, (s, c) => c == 1 ? $"{s}" : $"{s}:{s + c}")) + "]";

    private static ulong[] ToUnsigned(long[] values) => [.. values.Select(value => (ulong)value)];
}
