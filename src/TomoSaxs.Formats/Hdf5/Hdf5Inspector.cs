namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// Builds the tree of an HDF5 file for <c>tomosaxs inspect</c>: every group and dataset with shape, element type,
/// chunking, filters (names and ids), links and attributes. Objects that cannot be read are listed with the
/// problem instead of stopping the inspection. Soft links are shown, not followed, so cycles cannot recur.
/// </summary>
public static class Hdf5Inspector
{
    private const int MaxDepth = 32;

    /// <summary>Inspects a whole file.</summary>
    /// <exception cref="DataFileException">The file is missing, not HDF5, truncated or unreadable.</exception>
    public static Hdf5Node Inspect(string filePath)
    {
        using var file = Hdf5File.Open(filePath);
        return Inspect(file);
    }

    /// <summary>Inspects an open file.</summary>
    public static Hdf5Node Inspect(Hdf5File file) =>
        Group(file, new Hdf5Member("/", "/", Hdf5ObjectKind.Group, null, null), depth: 0);

    private static Hdf5Node Group(Hdf5File file, Hdf5Member member, int depth)
    {
        var problem = member.Problem;
        IReadOnlyList<Hdf5Node> children = [];
        if (member.Link?.Kind == Hdf5LinkKind.Soft)
        {
            problem ??= "soft link: not followed";
        }
        else if (depth >= MaxDepth)
        {
            problem ??= $"deeper than {MaxDepth} levels: not listed";
        }
        else
        {
            try
            {
                children = [.. file.Members(member.Path).Select(child => Node(file, child, depth + 1))];
            }
            catch (DataFileException exception)
            {
                problem = exception.Cause;
            }
        }

        var (attributes, attributeProblem) = Attributes(file, member.Path);
        return new Hdf5Node(member.Name, member.Path, Hdf5ObjectKind.Group, null, null, null, null, member.Link,
            problem ?? attributeProblem, attributes, children);
    }

    private static Hdf5Node Node(Hdf5File file, Hdf5Member member, int depth) => member.Kind switch
    {
        Hdf5ObjectKind.Group => Group(file, member, depth),
        Hdf5ObjectKind.Dataset => Dataset(file, member),
        _ => new Hdf5Node(member.Name, member.Path, member.Kind, null, null, null, null, member.Link, member.Problem, [], []),
    };

    private static Hdf5Node Dataset(Hdf5File file, Hdf5Member member)
    {
        var (attributes, attributeProblem) = Attributes(file, member.Path);
        try
        {
            var dataset = file.Dataset(member.Path);
            return new Hdf5Node(member.Name, member.Path, Hdf5ObjectKind.Dataset, dataset.Shape, dataset.TypeDescription,
                dataset.ChunkShape, dataset.Filters, member.Link, attributeProblem, attributes, []);
        }
        catch (DataFileException exception)
        {
            return new Hdf5Node(member.Name, member.Path, Hdf5ObjectKind.Dataset, null, null, null, null, member.Link,
                exception.Cause, attributes, []);
        }
    }

    private static (IReadOnlyList<Hdf5Attribute> Attributes, string? Problem) Attributes(Hdf5File file, string path)
    {
        try
        {
            return (file.Attributes(path), null);
        }
        catch (DataFileException exception)
        {
            return ([], $"attributes: {exception.Cause}");
        }
    }
}
