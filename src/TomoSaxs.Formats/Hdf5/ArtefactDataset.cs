namespace TomoSaxs.Formats.Hdf5;

/// <summary>A dataset to be written: its shape, element type, storage and attributes, and its values unless
/// they are streamed in later through <see cref="Hdf5ArtefactWriter.WriteSlab{T}"/>.</summary>
public sealed class ArtefactDataset
{
    internal ArtefactDataset(string path, Type elementType, IReadOnlyList<long> shape, ArtefactStorage storage, object? values)
    {
        Path = path;
        ElementClrType = elementType;
        ElementType = Hdf5TypeMapping.FromClr(elementType);
        Shape = shape;
        Storage = storage;
        Values = values;
    }

    /// <summary>The absolute path in the file, e.g. "/frames".</summary>
    public string Path { get; }

    /// <summary>The stored element type.</summary>
    public Hdf5ElementType ElementType { get; }

    /// <summary>The dimensions; empty for a scalar.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The storage layout and filters.</summary>
    public ArtefactStorage Storage { get; }

    /// <summary>The dataset's attributes.</summary>
    public ArtefactAttributes Attributes { get; } = new();

    /// <summary>Whether the values are written later, slab by slab.</summary>
    public bool IsStreamed => Values is null;

    internal Type ElementClrType { get; }

    internal object? Values { get; }
}
