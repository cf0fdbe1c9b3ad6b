namespace TomoSaxs.Formats;

/// <summary>
/// A data file could not be read or written as expected. The message always names the file, the item inside it
/// (an HDF5 dataset path, a TIFF page, a spreadsheet column, a YAML key) when there is one, and the cause.
/// </summary>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the exception; <paramref name="item"/> may be null when the whole file is at fault.</summary>
    public DataFileException(string filePath, string? item, string cause, Exception? inner = null)
        : base(Compose(filePath, item, cause), inner)
    {
        FilePath = filePath;
        Item = item;
        Cause = cause;
    }

    /// <summary>The file at fault, as given by the caller.</summary>
    public string FilePath { get; }

    /// <summary>The dataset, page, column or key inside the file, or null.</summary>
    public string? Item { get; }

    /// <summary>What was wrong, without the file and item.</summary>
    public string Cause { get; }

    private static string Compose(string filePath, string? item, string cause) =>
        item is null ? $"{filePath}: {cause}" : $"{filePath}: {item}: {cause}";
}
