namespace TomoSaxs.Scan;

/// <summary>What a path in scan.yaml must point to when existence is checked.</summary>
public enum PathKind
{
    /// <summary>An existing file (NeXus, xlsx, …).</summary>
    File,

    /// <summary>An existing folder.</summary>
    Folder,

    /// <summary>
    /// An existing folder or file: a volume given either as a folder of TIFF slices or as one multi-page TIFF.
    /// </summary>
    FileOrFolder,
}
