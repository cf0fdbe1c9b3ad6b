namespace TomoSaxs.Formats;

/// <summary>
/// Writes a file or folder under a temporary name beside its destination and renames it into place, so a killed
/// or failed writer never leaves an output that looks complete and never destroys the previous good output
/// (DESIGN §3: outputs are renamed into place).
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a temporary path beside <paramref name="destination"/>, then renames
    /// the temporary file over the destination. On any exception the temporary file is deleted and the
    /// destination is left as it was.
    /// </summary>
    public static void Write(string destination, Action<string> write)
    {
        var temporary = TemporaryPathFor(destination, "tmp");
        try
        {
            write(temporary);
            CommitFile(temporary, destination);
        }
        catch
        {
            Discard(temporary);
            throw;
        }
    }

    /// <summary>Writes through a stream opened on the temporary file; see <see cref="Write(string, Action{string})"/>.</summary>
    public static void WriteStream(string destination, Action<Stream> write) =>
        Write(destination, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            write(stream);
            stream.Flush(flushToDisk: true);
        });

    /// <summary>A hidden temporary name in the destination's folder, so the final rename never crosses file systems.</summary>
    public static string TemporaryPathFor(string destination, string purpose)
    {
        var full = Path.GetFullPath(destination);
        var folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{destination}' has no parent folder.", nameof(destination));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $".{Path.GetFileName(full)}.{purpose}-{Guid.NewGuid():N}");
    }

    /// <summary>Moves a finished temporary file over <paramref name="destination"/>, replacing any older version.</summary>
    public static void CommitFile(string temporaryPath, string destination) =>
        File.Move(temporaryPath, Path.GetFullPath(destination), overwrite: true);

    /// <summary>
    /// Moves a finished temporary folder to <paramref name="destination"/>. An existing destination is first renamed
    /// aside and deleted only after the new folder is in place, so a crash leaves either the old or the new folder.
    /// </summary>
    public static void CommitFolder(string temporaryFolder, string destination)
    {
        var full = Path.GetFullPath(destination);
        string? aside = null;
        if (Directory.Exists(full))
        {
            aside = TemporaryPathFor(full, "old");
            Directory.Move(full, aside);
        }
        else if (File.Exists(full))
        {
            throw new IOException($"Cannot write the folder '{full}': a file of that name exists.");
        }

        Directory.Move(temporaryFolder, full);
        if (aside is not null)
        {
            Directory.Delete(aside, recursive: true);
        }
    }

    /// <summary>
    /// Removes what killed writers of <paramref name="destination"/> left beside it (the hidden temporary names
    /// <see cref="TemporaryPathFor"/> makes), so that abandoned partial outputs do not pile up. Call it only where
    /// no other writer of the same destination can be running.
    /// </summary>
    public static void DiscardAbandoned(string destination)
    {
        var full = Path.GetFullPath(destination);
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var leftover in Directory.EnumerateFileSystemEntries(folder, $".{Path.GetFileName(full)}.*-*"))
        {
            Discard(leftover);
        }
    }

    /// <summary>Removes a temporary file or folder left by an abandoned write; never throws.</summary>
    public static void Discard(string temporaryPath)
    {
        try
        {
            if (Directory.Exists(temporaryPath))
            {
                Directory.Delete(temporaryPath, recursive: true);
            }
            else if (File.Exists(temporaryPath))
            {
                File.Delete(temporaryPath);
            }
        }
        catch (IOException)
        {
            // Best effort: the leftover is hidden (dot name) and never mistaken for an output.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
