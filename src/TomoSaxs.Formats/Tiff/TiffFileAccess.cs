using BitMiracle.LibTiff.Classic;
using LibTiff = BitMiracle.LibTiff.Classic.Tiff;

namespace TomoSaxs.Formats.Tiff;

/// <summary>Opens TIFF files through LibTiff, turning its silent null returns into <see cref="DataFileException"/>.</summary>
internal static class TiffFileAccess
{
    /// <summary>Opens <paramref name="file"/> for reading; call inside a <see cref="TiffMessages.Capture"/> scope.</summary>
    public static LibTiff OpenRead(string file)
    {
        if (!File.Exists(file))
        {
            throw new DataFileException(file, null,
                Directory.Exists(file) ? "expected a TIFF file, found a folder." : "the file does not exist.");
        }

        try
        {
            return LibTiff.Open(file, "r")
                ?? throw new DataFileException(file, null, TiffMessages.WithDetail("the file is not a readable TIFF."));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(file, null, $"the file cannot be opened: {error.Message}", error);
        }
    }

    /// <summary>Opens a new file for writing; BigTIFF ("w8") when asked, classic TIFF ("w4") otherwise.</summary>
    public static LibTiff OpenWrite(string file, bool bigTiff) =>
        LibTiff.Open(file, bigTiff ? "w8" : "w4")
        ?? throw new DataFileException(file, null, TiffMessages.WithDetail("the file cannot be created."));

    /// <summary>
    /// Runs a LibTiff read and converts LibTiff's own exceptions (it throws on some damaged files instead of
    /// returning an error code) into a <see cref="DataFileException"/>.
    /// </summary>
    public static TResult Guard<TResult>(string file, string? item, Func<TResult> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is not DataFileException and not OutOfMemoryException)
        {
            throw new DataFileException(file, item, TiffMessages.WithDetail($"the TIFF could not be read: {error.Message}"), error);
        }
    }
}
