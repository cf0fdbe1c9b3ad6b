using System.Numerics;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// A group of an HDF5 artefact being assembled: sub-groups, datasets and attributes, written by
/// <see cref="Hdf5ArtefactWriter"/>. Create the root with <c>new ArtefactGroup()</c>.
/// </summary>
public sealed class ArtefactGroup
{
    private readonly SortedDictionary<string, ArtefactGroup> groups = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ArtefactDataset> datasets = new(StringComparer.Ordinal);

    /// <summary>Creates an empty root group.</summary>
    public ArtefactGroup()
        : this("/")
    {
    }

    private ArtefactGroup(string path) => Path = path;

    /// <summary>The absolute path of the group ("/" for the root).</summary>
    public string Path { get; }

    /// <summary>The group's attributes.</summary>
    public ArtefactAttributes Attributes { get; } = new();

    /// <summary>The sub-groups, by name.</summary>
    public IReadOnlyDictionary<string, ArtefactGroup> Groups => groups;

    /// <summary>The datasets, by name.</summary>
    public IReadOnlyDictionary<string, ArtefactDataset> Datasets => datasets;

    /// <summary>The sub-group <paramref name="name"/>, created if it does not exist yet.</summary>
    public ArtefactGroup Group(string name)
    {
        CheckName(name);
        CheckUnused(name, allowGroup: true);
        if (!groups.TryGetValue(name, out var group))
        {
            group = new ArtefactGroup(ChildPath(name));
            groups[name] = group;
        }

        return group;
    }

    /// <summary>Adds an n-dimensional numeric dataset from values flattened in C order.</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="values">The values, C order.</param>
    /// <param name="shape">The dimensions (their product must equal the number of values); null for 1-D.</param>
    /// <param name="storage">The storage; contiguous when null.</param>
    public ArtefactDataset AddDataset<T>(string name, T[] values, IReadOnlyList<long>? shape = null, ArtefactStorage? storage = null)
        where T : unmanaged, INumberBase<T>
    {
        shape ??= [values.LongLength];
        if (shape.Aggregate(1L, (product, dimension) => product * dimension) != values.LongLength)
        {
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] does not hold {values.Length} values.", nameof(shape));
        }

        return Add(name, typeof(T), shape, storage, values.ToArray());
    }

    /// <summary>Adds a numeric scalar dataset.</summary>
    public ArtefactDataset AddScalar<T>(string name, T value) where T : unmanaged, INumberBase<T> =>
        Add(name, typeof(T), [], ArtefactStorage.Contiguous, value);

    /// <summary>Adds a scalar text dataset.</summary>
    public ArtefactDataset AddString(string name, string value) =>
        Add(name, typeof(string), [], ArtefactStorage.Contiguous, value);

    /// <summary>Adds a 1-D text dataset.</summary>
    public ArtefactDataset AddStrings(string name, IReadOnlyList<string> values) =>
        Add(name, typeof(string), [values.Count], ArtefactStorage.Contiguous, values.ToArray());

    /// <summary>
    /// Declares a chunked numeric dataset whose values are written later, whole chunks at a time, with
    /// <see cref="Hdf5ArtefactWriter.WriteSlab{T}"/> (e.g. one detector frame per call), so the full array is
    /// never held in memory.
    /// </summary>
    public ArtefactDataset AddStreamedDataset<T>(string name, IReadOnlyList<long> shape, ArtefactStorage storage)
        where T : unmanaged, INumberBase<T>
    {
        if (storage.ChunkShape is null)
        {
            throw new ArgumentException("A streamed dataset must be chunked.", nameof(storage));
        }

        return Add(name, typeof(T), shape, storage, null);
    }

    private ArtefactDataset Add(string name, Type elementType, IReadOnlyList<long> shape, ArtefactStorage? storage, object? values)
    {
        CheckName(name);
        CheckUnused(name, allowGroup: false);
        storage ??= ArtefactStorage.Contiguous;
        if (storage.ChunkShape is { } chunks && chunks.Count != shape.Count)
        {
            throw new ArgumentException($"The chunk shape has {chunks.Count} dimensions; the dataset has {shape.Count}.", nameof(storage));
        }

        var dataset = new ArtefactDataset(ChildPath(name), elementType, [.. shape], storage, values);
        datasets[name] = dataset;
        return dataset;
    }

    private void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('/') || name is "." or "..")
        {
            throw new ArgumentException($"'{name}' is not a valid HDF5 link name.", nameof(name));
        }

    }

    private void CheckUnused(string name, bool allowGroup)
    {
        if (datasets.ContainsKey(name) || (!allowGroup && groups.ContainsKey(name)))
        {
            throw new ArgumentException($"{ChildPath(name)} already exists.", nameof(name));
        }
    }

    private string ChildPath(string name) => Path == "/" ? "/" + name : Path + "/" + name;
}
