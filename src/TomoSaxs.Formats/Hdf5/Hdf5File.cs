using PureHDF;
using PureHDF.VOL.Native;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// An HDF5 file opened for reading. Paths name objects inside the file ("entry1/SAXS/data", with or without a
/// leading slash); external links are followed relative to the linking file's folder (after the HDF5_EXT_PREFIX
/// environment variable, as libhdf5 does). Every problem with the file's content surfaces as a
/// <see cref="DataFileException"/> naming the file, the object and the cause. Datasets obtained from one file
/// may be read from several threads at once.
/// </summary>
public sealed class Hdf5File : IDisposable
{
    // PureHDF 2.2.0 shares one file position for metadata decoding, so navigation is serialized; bulk data
    // reads use thread-local positions and run in parallel.
    private readonly Lock navigation = new();
    private readonly NativeFile native;

    private Hdf5File(string filePath, NativeFile native)
    {
        FilePath = filePath;
        this.native = native;
    }

    /// <summary>The file path as given to <see cref="Open"/>.</summary>
    public string FilePath { get; }

    /// <summary>Opens a file, after checking that it exists, is HDF5 and is not truncated.</summary>
    /// <exception cref="DataFileException">The file is missing, not HDF5, truncated or unreadable.</exception>
    public static Hdf5File Open(string filePath)
    {
        Hdf5Filters.EnsureRegistered();
        var fullPath = System.IO.Path.GetFullPath(filePath);
        if (!File.Exists(fullPath))
        {
            throw new DataFileException(filePath, null, "the file does not exist");
        }

        Hdf5FileCheck.EnsureComplete(filePath, fullPath);

        NativeFile native;
        try
        {
            native = H5File.OpenRead(fullPath);
        }
        catch (Exception exception)
        {
            throw new DataFileException(filePath, null, $"not a readable HDF5 file: {Hdf5Errors.Innermost(exception)}", exception);
        }

        PureHdfInternals.ForgetCachedSymbolTable(native);
        return new Hdf5File(filePath, native);
    }

    /// <summary>Whether an object (group or dataset) exists at <paramref name="path"/>, following links.</summary>
    public bool Exists(string path)
    {
        lock (navigation)
        {
            return TryResolve(path, out _) is null;
        }
    }

    /// <summary>Whether <paramref name="path"/> names a group.</summary>
    public bool IsGroup(string path)
    {
        lock (navigation)
        {
            return TryResolve(path, out var found) is null && found is NativeGroup;
        }
    }

    /// <summary>Whether <paramref name="path"/> names a dataset.</summary>
    public bool IsDataset(string path)
    {
        lock (navigation)
        {
            return TryResolve(path, out var found) is null && found is NativeDataset;
        }
    }

    /// <summary>The dataset at <paramref name="path"/>.</summary>
    /// <exception cref="DataFileException">There is no dataset there.</exception>
    public Hdf5Dataset Dataset(string path)
    {
        lock (navigation)
        {
            var found = Resolve(path);
            return found is NativeDataset dataset
                ? Guard(path, () => new Hdf5Dataset(this, Normalize(path), dataset))
                : throw new DataFileException(FilePath, Normalize(path), "is a group, not a dataset");
        }
    }

    /// <summary>The members of the group at <paramref name="groupPath"/> ("/" for the root), sorted by name in
    /// byte order as h5py lists them.</summary>
    /// <exception cref="DataFileException">There is no group there, or it cannot be listed.</exception>
    public IReadOnlyList<Hdf5Member> Members(string groupPath)
    {
        lock (navigation)
        {
            var group = Resolve(groupPath) as NativeGroup
                ?? throw new DataFileException(FilePath, Normalize(groupPath), "is a dataset, not a group");
            return Guard(groupPath, () => ListMembers(Normalize(groupPath), group));
        }
    }

    /// <summary>The names of the members of a group, sorted as h5py lists them.</summary>
    public IReadOnlyList<string> MemberNames(string groupPath) => [.. Members(groupPath).Select(member => member.Name)];

    /// <summary>All attributes of the object at <paramref name="path"/>, sorted by name.</summary>
    public IReadOnlyList<Hdf5Attribute> Attributes(string path)
    {
        lock (navigation)
        {
            var found = Resolve(path);
            return Guard(path, () => Hdf5AttributeReader.ReadAll(found));
        }
    }

    /// <summary>A text attribute of the object at <paramref name="path"/>, or null when it has none by that name.</summary>
    /// <exception cref="DataFileException">The object is missing, or the attribute is not text.</exception>
    public string? StringAttribute(string path, string name)
    {
        lock (navigation)
        {
            var found = Resolve(path);
            return Guard(path, () => Hdf5AttributeReader.ReadString(found, name, FilePath, Normalize(path)));
        }
    }

    /// <inheritdoc />
    public void Dispose() => native.Dispose();

    internal T Guard<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception exception) when (exception is not DataFileException)
        {
            throw new DataFileException(FilePath, Normalize(path), $"cannot be read: {Hdf5Errors.Innermost(exception)}", exception);
        }
    }

    internal IReadOnlyList<Hdf5Member> ListMembers(string groupPath, NativeGroup group)
    {
        var links = PureHdfInternals.SymbolicLinks(group);
        var members = new List<Hdf5Member>();
        foreach (var child in group.Children())
        {
            var name = child.Name;
            var path = groupPath == "/" ? "/" + name : groupPath + "/" + name;
            var link = links.GetValueOrDefault(name);
            members.Add(child switch
            {
                NativeGroup => new Hdf5Member(name, path, Hdf5ObjectKind.Group, link, null),
                NativeDataset => new Hdf5Member(name, path, Hdf5ObjectKind.Dataset, link, null),
                IH5UnresolvedLink unresolved => new Hdf5Member(name, path, Hdf5ObjectKind.UnresolvedLink, link,
                    unresolved.Reason is null ? "the link target was not found" : Hdf5Errors.Innermost(unresolved.Reason)),
                _ => new Hdf5Member(name, path, Hdf5ObjectKind.Datatype, link, null),
            });
        }

        members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return members;
    }

    internal NativeObject Resolve(string path)
    {
        var problem = TryResolve(path, out var found);
        return problem is null ? found! : throw new DataFileException(FilePath, Normalize(path), problem);
    }

    internal NativeGroup ResolveGroup(string path) =>
        Resolve(path) as NativeGroup ?? throw new DataFileException(FilePath, Normalize(path), "is a dataset, not a group");

    /// <summary>Walks the path one link at a time; returns null on success, else why it failed.</summary>
    private string? TryResolve(string path, out NativeObject? found)
    {
        found = native;
        var segments = Segments(path);
        NativeGroup group = native;

        try
        {
            for (var i = 0; i < segments.Length; i++)
            {
                var name = segments[i];
                var where = i == 0 ? "the root group" : $"group '/{string.Join('/', segments[..i])}'";
                if (!group.LinkExists(name))
                {
                    return $"does not exist: {where} has no member '{name}'";
                }

                var child = group.Get(name);
                if (child is IH5UnresolvedLink unresolved)
                {
                    var reason = unresolved.Reason is null ? "target not found" : Hdf5Errors.Innermost(unresolved.Reason);
                    return $"link '{name}' in {where} cannot be followed: {reason}";
                }

                found = (NativeObject)child;
                if (found is NativeGroup next)
                {
                    PureHdfInternals.ForgetCachedSymbolTable(next);
                    group = next;
                }
                else if (i < segments.Length - 1)
                {
                    return $"'/{string.Join('/', segments[..(i + 1)])}' is a dataset, not a group";
                }
            }

            return null;
        }
        catch (Exception exception) when (exception is not DataFileException)
        {
            return $"cannot be read: {Hdf5Errors.Innermost(exception)}";
        }
    }

    internal static string Normalize(string path)
    {
        var segments = Segments(path);
        return "/" + string.Join('/', segments);
    }

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
