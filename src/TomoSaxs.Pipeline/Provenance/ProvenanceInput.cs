namespace TomoSaxs.Pipeline;

/// <summary>One input of an artefact as provenance records it.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="Size">Bytes (for a folder, of all files below it); -1 when the input did not exist.</param>
/// <param name="ModifiedUtc">Last modification (for a folder, of its newest file), UTC.</param>
public sealed record ProvenanceInput(string Path, long Size, DateTime ModifiedUtc)
{
    /// <summary>Reads size and modification time of <paramref name="path"/> now.</summary>
    public static ProvenanceInput Of(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var file = new FileInfo(full);
            return new ProvenanceInput(full, file.Length, file.LastWriteTimeUtc);
        }

        if (Directory.Exists(full))
        {
            // A TIFF stack folder: its files are the data, the folder's own time says little.
            var files = new DirectoryInfo(full).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
            return new ProvenanceInput(full, files.Sum(f => f.Length),
                files.Count > 0 ? files.Max(f => f.LastWriteTimeUtc) : Directory.GetLastWriteTimeUtc(full));
        }

        return new ProvenanceInput(full, -1, DateTime.MinValue);
    }
}
