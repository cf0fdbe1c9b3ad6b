namespace TomoSaxs.Formats.Hdf5;

/// <summary>What a group member is.</summary>
public enum Hdf5ObjectKind
{
    /// <summary>A group.</summary>
    Group,

    /// <summary>A dataset.</summary>
    Dataset,

    /// <summary>A named (committed) datatype.</summary>
    Datatype,

    /// <summary>A soft or external link whose target cannot be found.</summary>
    UnresolvedLink,
}

/// <summary>One member of a group.</summary>
/// <param name="Name">The link name.</param>
/// <param name="Path">The absolute path inside the file, e.g. "/entry1/SAXS/data".</param>
/// <param name="Kind">What the link leads to.</param>
/// <param name="Link">Where a soft or external link points; null for ordinary (hard) links.</param>
/// <param name="Problem">Why an unresolved link could not be followed; otherwise null.</param>
public sealed record Hdf5Member(string Name, string Path, Hdf5ObjectKind Kind, Hdf5LinkTarget? Link, string? Problem);
