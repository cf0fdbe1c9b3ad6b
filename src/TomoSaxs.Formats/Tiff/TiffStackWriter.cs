namespace TomoSaxs.Formats.Tiff;

/// <summary>
/// Writes a TIFF stack folder slice by slice, so a volume larger than memory can be written slab by slab.
/// Slices go to a hidden temporary folder beside the destination; <see cref="Commit"/> renames it into place
/// (replacing an existing folder). Disposing without committing deletes the temporary folder, so an interrupted
/// write never leaves a stack that looks complete.
/// </summary>
/// <typeparam name="T">byte (8-bit), ushort (16-bit) or float (32-bit float) pixels.</typeparam>
public sealed class TiffStackWriter<T> : IDisposable
    where T : unmanaged
{
    private readonly string destination;
    private readonly string temporaryFolder;
    private readonly TiffWriteOptions options;
    private readonly TiffPixelType pixelType = TiffPixelTypes.Of<T>();
    private bool committed;

    /// <summary>Starts a stack of <paramref name="width"/> × <paramref name="height"/> pixel slices.</summary>
    public TiffStackWriter(string folder, int width, int height, TiffWriteOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        this.options = options ?? TiffWriteOptions.Default;
        this.options.Validate();
        destination = Path.GetFullPath(folder);
        Width = width;
        Height = height;
        temporaryFolder = AtomicFile.TemporaryPathFor(destination, "tmp");
        Directory.CreateDirectory(temporaryFolder);
    }

    /// <summary>Columns per slice, in pixels.</summary>
    public int Width { get; }

    /// <summary>Rows per slice, in pixels.</summary>
    public int Height { get; }

    /// <summary>Slices written so far; the next slice gets this z.</summary>
    public int SliceCount { get; private set; }

    /// <summary>Writes the next slice, a <c>[row, col]</c> image of <see cref="Height"/> × <see cref="Width"/>.</summary>
    public void AppendSlice(T[,] slice)
    {
        CheckShape(slice.GetLength(0), slice.GetLength(1));
        WriteSlice(PixelMemory.ImageBytes(slice));
    }

    /// <summary>Writes every slice of a <c>[z, row, col]</c> slab, in z order.</summary>
    public void AppendSlices(T[,,] slab)
    {
        CheckShape(slab.GetLength(1), slab.GetLength(2));
        for (var z = 0; z < slab.GetLength(0); z++)
        {
            WriteSlice(PixelMemory.SliceBytes(slab, z));
        }
    }

    /// <summary>Renames the finished stack into place. At least one slice must have been written.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(committed, this);
        if (SliceCount == 0)
        {
            throw new InvalidOperationException($"The stack '{destination}' has no slices; nothing was written.");
        }

        AtomicFile.CommitFolder(temporaryFolder, destination);
        committed = true;
    }

    /// <summary>Deletes the temporary folder unless the stack was committed.</summary>
    public void Dispose()
    {
        if (!committed)
        {
            AtomicFile.Discard(temporaryFolder);
            committed = true;
        }
    }

    private void WriteSlice(ReadOnlySpan<byte> pixels)
    {
        ObjectDisposedException.ThrowIf(committed, this);
        var file = Path.Combine(temporaryFolder, StackFileOrder.NameFor(options.SliceFilePrefix, SliceCount));
        using (TiffMessages.Capture())
        using (var tiff = TiffFileAccess.OpenWrite(file, bigTiff: false))
        {
            TiffPageWriter.Write(tiff, pixels, Width, Height, pixelType, options, isPageOfMany: false,
                Path.Combine(destination, Path.GetFileName(file)), null);
        }

        SliceCount++;
    }

    private void CheckShape(int rows, int cols)
    {
        if (rows != Height || cols != Width)
        {
            throw new ArgumentException(
                $"Slices of this stack are {Height} rows × {Width} columns, not {rows} × {cols}.");
        }
    }
}
