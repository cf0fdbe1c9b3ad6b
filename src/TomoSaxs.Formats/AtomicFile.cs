namespace TomoSaxs.Formats;

/// <summary>
/// Writes a file under a temporary name in the destination folder and renames it into place, so a killed or
/// failed writer never leaves a file that looks complete (and never destroys the previous good file).
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
        var fullPath = Path.GetFullPath(destination);
        var folder = Path.GetDirectoryName(fullPath)
                     ?? throw new ArgumentException($"'{destination}' has no parent folder.", nameof(destination));
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
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

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover ".tmp" never looks like a finished output.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
