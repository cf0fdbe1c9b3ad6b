using TomoSaxs.Formats;

namespace TomoSaxs.Figures;

/// <summary>Writes PNG bytes to a file through a temporary file renamed into place.</summary>
internal static class PngFile
{
    public static void Write(string path, byte[] png)
    {
        Guard.Path(path, nameof(path));
        AtomicFile.WriteStream(path, stream => stream.Write(png));
    }
}
