namespace TomoSaxs.Formats.Hdf5;

/// <summary>How a group member is linked.</summary>
public enum Hdf5LinkKind
{
    /// <summary>An ordinary (hard) link to an object in the same file.</summary>
    Hard,

    /// <summary>A soft link: a path to another object in the same file.</summary>
    Soft,

    /// <summary>An external link: a file name (resolved relative to the linking file) and an object path in it.</summary>
    External,
}

/// <summary>Where a soft or external link points.</summary>
/// <param name="Kind">Soft or external.</param>
/// <param name="File">The target file as stored in the link (external links only).</param>
/// <param name="ObjectPath">The target object path.</param>
public sealed record Hdf5LinkTarget(Hdf5LinkKind Kind, string? File, string ObjectPath);
