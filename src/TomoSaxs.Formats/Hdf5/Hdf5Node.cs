namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// One object of an inspected HDF5 file: a group with its children, or a dataset with its shape, type,
/// chunking and filters; plus its attributes and, when it was reached through a soft or external link, the
/// link's target. A plain record, easy to print or to serialise with System.Text.Json.
/// </summary>
/// <param name="Name">The link name ("/" for the root).</param>
/// <param name="Path">The absolute path in the file.</param>
/// <param name="Kind">Group, dataset, named datatype or unresolved link.</param>
/// <param name="Shape">Dataset dimensions (empty for a scalar); null for groups.</param>
/// <param name="ElementType">Dataset element type ("int32", "float64", "string", "enum(int8)" …); null for groups.</param>
/// <param name="ChunkShape">Chunk dimensions of a chunked dataset; otherwise null.</param>
/// <param name="Filters">A dataset's filter pipeline (empty when unfiltered); null for groups.</param>
/// <param name="Link">The target of a soft or external link; null for hard links.</param>
/// <param name="Problem">Why the object or part of it could not be read; otherwise null.</param>
/// <param name="Attributes">The attributes, sorted by name.</param>
/// <param name="Children">A group's members, sorted as h5py lists them; empty for datasets.</param>
public sealed record Hdf5Node(
    string Name,
    string Path,
    Hdf5ObjectKind Kind,
    IReadOnlyList<long>? Shape,
    string? ElementType,
    IReadOnlyList<long>? ChunkShape,
    IReadOnlyList<Hdf5FilterDescription>? Filters,
    Hdf5LinkTarget? Link,
    string? Problem,
    IReadOnlyList<Hdf5Attribute> Attributes,
    IReadOnlyList<Hdf5Node> Children);
