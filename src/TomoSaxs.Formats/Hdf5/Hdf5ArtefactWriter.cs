using System.Numerics;
using PureHDF;
using PureHDF.Filters;
using PureHDF.Selections;
using PureHDF.VOL.Native;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// Writes an <see cref="ArtefactGroup"/> tree as an HDF5 file with PureHDF (superblock version 3, readable by
/// libhdf5 1.10 and later). The file is written under a temporary name in the target folder and renamed into
/// place only on <see cref="Commit"/>, so a killed or failed stage never leaves an output that looks complete.
/// Streamed datasets are filled slab by slab between <see cref="Begin"/> and <see cref="Commit"/>.
/// </summary>
public sealed class Hdf5ArtefactWriter : IDisposable
{
    private readonly string path;
    private readonly string fullPath;
    private readonly string temporaryPath;
    private readonly H5NativeWriter native;
    private readonly Dictionary<string, StreamedDataset> streamed;
    private bool finished;

    private Hdf5ArtefactWriter(string path, string fullPath, string temporaryPath, H5NativeWriter native, Dictionary<string, StreamedDataset> streamed)
    {
        this.path = path;
        this.fullPath = fullPath;
        this.temporaryPath = temporaryPath;
        this.native = native;
        this.streamed = streamed;
    }

    /// <summary>Writes a complete tree (no streamed datasets) to <paramref name="path"/> in one go.</summary>
    /// <exception cref="DataFileException">The file cannot be written.</exception>
    public static void Write(string path, ArtefactGroup root)
    {
        using var writer = Begin(path, root);
        writer.Commit();
    }

    /// <summary>Starts writing <paramref name="root"/> to a temporary file next to <paramref name="path"/>;
    /// fill the streamed datasets with <see cref="WriteSlab{T}"/>, then <see cref="Commit"/>. Disposing without
    /// committing deletes the temporary file and leaves any existing file at <paramref name="path"/> untouched.</summary>
    /// <exception cref="DataFileException">The file cannot be created.</exception>
    public static Hdf5ArtefactWriter Begin(string path, ArtefactGroup root)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath)!;
        var temporaryPath = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var streamed = new Dictionary<string, StreamedDataset>(StringComparer.Ordinal);
        try
        {
            // The bitshuffle encoder is one of the plugin filters registered there.
            Hdf5Filters.EnsureRegistered();
            Directory.CreateDirectory(folder);
            var file = new H5File();
            Fill(file, root, streamed);
            var native = file.BeginWrite(temporaryPath);
            return new Hdf5ArtefactWriter(path, fullPath, temporaryPath, native, streamed);
        }
        catch (Exception exception) when (exception is not ArgumentException)
        {
            TryDelete(temporaryPath);
            throw new DataFileException(path, null, $"cannot be written: {Hdf5Errors.Innermost(exception)}", exception);
        }
    }

    /// <summary>
    /// Writes the box [start, start + count) of a streamed dataset from <paramref name="values"/> (C order). The
    /// box must consist of whole chunks (edge chunks may be cut by the dataset's end), each written once.
    /// </summary>
    /// <exception cref="ArgumentException">The dataset is unknown, of another type, or the box is not chunk-aligned.</exception>
    public void WriteSlab<T>(string datasetPath, ReadOnlySpan<long> start, ReadOnlySpan<long> count, T[] values)
        where T : unmanaged, INumberBase<T>
    {
        ObjectDisposedException.ThrowIf(finished, this);
        var key = Hdf5File.Normalize(datasetPath);
        if (!streamed.TryGetValue(key, out var target))
        {
            throw new ArgumentException($"{key} is not a streamed dataset of this artefact.", nameof(datasetPath));
        }

        if (target.Definition.ElementClrType != typeof(T))
        {
            throw new ArgumentException($"{key} holds {Hdf5TypeMapping.Name(target.Definition.ElementType)}, not {typeof(T).Name}.", nameof(values));
        }

        var shape = target.Definition.Shape;
        var chunks = target.Definition.Storage.ChunkShape!;
        if (start.Length != shape.Count || count.Length != shape.Count)
        {
            throw new ArgumentException($"{key} has rank {shape.Count}.", nameof(start));
        }

        long total = 1;
        for (var d = 0; d < shape.Count; d++)
        {
            var end = start[d] + count[d];
            if (start[d] < 0 || count[d] < 1 || end > shape[d] || start[d] % chunks[d] != 0 || (end % chunks[d] != 0 && end != shape[d]))
            {
                throw new ArgumentException(
                    $"The box starting at [{string.Join(", ", start.ToArray())}] with counts [{string.Join(", ", count.ToArray())}] is not made of whole chunks [{string.Join(", ", chunks)}] of {key} [{string.Join(", ", shape)}].");
            }

            total *= count[d];
        }

        if (values.LongLength != total)
        {
            throw new ArgumentException($"The box holds {total} values; {values.Length} were given.", nameof(values));
        }

        try
        {
            var selection = new HyperslabSelection(shape.Count, [.. start.ToArray().Select(s => (ulong)s)], [.. count.ToArray().Select(c => (ulong)c)]);
            native.Write((H5Dataset<T[]>)target.Dataset, values, fileSelection: selection);
            target.Cache.WriteCompletedChunks();
        }
        catch (Exception exception) when (exception is not ArgumentException)
        {
            throw new DataFileException(path, key, $"cannot be written: {Hdf5Errors.Innermost(exception)}", exception);
        }
    }

    /// <summary>Finishes the file and renames it into place, replacing any existing file.</summary>
    /// <exception cref="InvalidOperationException">A streamed dataset has chunks that were never written.</exception>
    /// <exception cref="DataFileException">The file cannot be finished or renamed.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        var incomplete = streamed
            .Where(entry => entry.Value.Cache.WrittenChunks != entry.Value.Cache.TotalChunks)
            .Select(entry => $"{entry.Key} ({entry.Value.Cache.WrittenChunks} of {entry.Value.Cache.TotalChunks} chunks)")
            .ToList();
        if (incomplete.Count > 0)
        {
            throw new InvalidOperationException($"{path}: streamed datasets not completely written: {string.Join(", ", incomplete)}.");
        }

        try
        {
            finished = true;
            native.Dispose();
            File.Move(temporaryPath, fullPath, overwrite: true);
        }
        catch (Exception exception)
        {
            TryDelete(temporaryPath);
            throw new DataFileException(path, null, $"cannot be written: {Hdf5Errors.Innermost(exception)}", exception);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        try
        {
            native.Dispose();
        }
        catch (Exception)
        {
            // The half-written temporary file is deleted below; its closing error is of no further use.
        }

        TryDelete(temporaryPath);
    }

    private static void Fill(H5Group target, ArtefactGroup source, Dictionary<string, StreamedDataset> streamed)
    {
        CopyAttributes(target, source.Attributes);
        foreach (var (name, group) in source.Groups)
        {
            var child = new H5Group();
            Fill(child, group, streamed);
            target[name] = child;
        }

        foreach (var (name, dataset) in source.Datasets)
        {
            target[name] = Create(dataset, streamed);
        }
    }

    private static H5Dataset Create(ArtefactDataset source, Dictionary<string, StreamedDataset> streamed)
    {
        var storage = source.Storage;
        var fileDims = source.Shape.Select(dimension => (ulong)dimension).ToArray();
        var chunks = storage.ChunkShape?.Select(dimension => (uint)dimension).ToArray();
        var filters = new List<H5Filter>();
        if (storage.Shuffle)
        {
            filters.Add(ShuffleFilter.Id);
        }

        if (storage.DeflateLevel is { } level)
        {
            // PureHDF stores -1 as level 6 (libhdf5 has no -1) and maps 6 back to .NET's "optimal" level.
            filters.Add(new H5Filter(DeflateFilter.Id, new() { [DeflateFilter.COMPRESSION_LEVEL] = level == 6 ? -1 : level }));
        }

        if (storage.BitshuffleLz4)
        {
            filters.Add(new H5Filter(Hdf5Filters.Bitshuffle, new() { [Filters.BitshuffleFilter.CompressionOption] = Filters.BitshuffleFraming.Lz4Compression }));
        }

        H5Dataset dataset;
        if (source.IsStreamed)
        {
            var totalChunks = source.Shape.Zip(storage.ChunkShape!, (dimension, chunk) => (dimension + chunk - 1) / chunk)
                .Aggregate(1L, (product, n) => product * n);
            var cache = new StreamingChunkCache(totalChunks);
            var creation = new H5DatasetCreation(ChunkCache: cache, Filters: filters);
            var type = typeof(H5Dataset<>).MakeGenericType(source.ElementClrType.MakeArrayType());
            dataset = (H5Dataset)Activator.CreateInstance(type, fileDims, chunks, creation, null)!;
            streamed[source.Path] = new StreamedDataset(source, dataset, cache);
        }
        else if (source.Shape.Count == 0)
        {
            dataset = new H5Dataset(source.Values!);
        }
        else
        {
            dataset = new H5Dataset(source.Values!, chunks: chunks, fileDims: fileDims, datasetCreation: new H5DatasetCreation(Filters: filters));
        }

        CopyAttributes(dataset, source.Attributes);
        return dataset;
    }

    private static void CopyAttributes(H5Object target, ArtefactAttributes attributes)
    {
        foreach (var (name, value) in attributes.Values)
        {
            target.Attributes[name] = value;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Still open elsewhere; a leftover hidden .tmp file never looks like a finished artefact.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private sealed record StreamedDataset(ArtefactDataset Definition, H5Dataset Dataset, StreamingChunkCache Cache);
}
