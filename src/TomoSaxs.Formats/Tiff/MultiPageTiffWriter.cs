using LibTiff = BitMiracle.LibTiff.Classic.Tiff;
namespace TomoSaxs.Formats.Tiff;

/// <summary>
/// Writes a multi-page TIFF page by page, so a volume larger than memory can be written slab by slab. Pages go
/// to a hidden temporary file beside the destination; <see cref="Commit"/> renames it into place. Disposing
/// without committing deletes the temporary file.
/// </summary>
/// <typeparam name="T">byte (8-bit), ushort (16-bit) or float (32-bit float) pixels.</typeparam>
public sealed class MultiPageTiffWriter<T> : IDisposable
    where T : unmanaged
{
    private readonly string destination;
    private readonly string temporaryFile;
    private readonly TiffWriteOptions options;
    private readonly TiffPixelType pixelType = TiffPixelTypes.Of<T>();
    private LibTiff? tiff;

    /// <summary>Starts a file of <paramref name="width"/> × <paramref name="height"/> pixel pages.</summary>
    public MultiPageTiffWriter(string file, int width, int height, TiffWriteOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        this.options = options ?? TiffWriteOptions.Default;
        this.options.Validate();
        destination = Path.GetFullPath(file);
        Width = width;
        Height = height;
        temporaryFile = AtomicFile.TemporaryPathFor(destination, "tmp");
        using (TiffMessages.Capture())
        {
            tiff = TiffFileAccess.OpenWrite(temporaryFile, this.options.BigTiff);
        }
    }

    /// <summary>Columns per page, in pixels.</summary>
    public int Width { get; }

    /// <summary>Rows per page, in pixels.</summary>
    public int Height { get; }

    /// <summary>Pages written so far.</summary>
    public int PageCount { get; private set; }

    /// <summary>Writes the next page, a <c>[row, col]</c> image of <see cref="Height"/> × <see cref="Width"/>.</summary>
    public void AppendPage(T[,] page)
    {
        CheckShape(page.GetLength(0), page.GetLength(1));
        WritePage(PixelMemory.ImageBytes(page));
    }

    /// <summary>Writes every slice of a <c>[z, row, col]</c> slab as pages, in z order.</summary>
    public void AppendPages(T[,,] slab)
    {
        CheckShape(slab.GetLength(1), slab.GetLength(2));
        for (var z = 0; z < slab.GetLength(0); z++)
        {
            WritePage(PixelMemory.SliceBytes(slab, z));
        }
    }

    /// <summary>Closes the file and renames it into place. At least one page must have been written.</summary>
    public void Commit()
    {
        var open = tiff ?? throw new ObjectDisposedException(GetType().Name);
        if (PageCount == 0)
        {
            throw new InvalidOperationException($"The TIFF '{destination}' has no pages; nothing was written.");
        }

        open.Dispose();
        tiff = null;
        AtomicFile.CommitFile(temporaryFile, destination);
    }

    /// <summary>Closes and deletes the temporary file unless the file was committed.</summary>
    public void Dispose()
    {
        if (tiff is not null)
        {
            tiff.Dispose();
            tiff = null;
            AtomicFile.Discard(temporaryFile);
        }
    }

    private void WritePage(ReadOnlySpan<byte> pixels)
    {
        var open = tiff ?? throw new ObjectDisposedException(GetType().Name);
        using (TiffMessages.Capture())
        {
            TiffPageWriter.Write(open, pixels, Width, Height, pixelType, options, isPageOfMany: true,
                destination, MultiPageTiff.PageItem(PageCount));
        }

        PageCount++;
    }

    private void CheckShape(int rows, int cols)
    {
        if (rows != Height || cols != Width)
        {
            throw new ArgumentException($"Pages of this file are {Height} rows × {Width} columns, not {rows} × {cols}.");
        }
    }
}
