namespace TomoSaxs.Formats.Tiff;

/// <summary>
/// A volume stored as one single-page TIFF per z slice in a folder (Fiji "Image Sequence", Avizo exports, the
/// reference CT and fibre-tracing stacks). Slices are ordered numerically by the last number in their file
/// names. Opening reads only headers; pixels are read on demand by z range, so volumes larger than memory can be
/// processed slab by slab. Instances hold no open files and may be shared between threads.
/// </summary>
public sealed class TiffStack
{
    private readonly IReadOnlyList<string> sliceFiles;

    private TiffStack(string folder, IReadOnlyList<string> sliceFiles, TiffVolumeInfo info)
    {
        Folder = folder;
        this.sliceFiles = sliceFiles;
        Info = info;
    }

    /// <summary>The stack folder, as an absolute path.</summary>
    public string Folder { get; }

    /// <summary>The slice files in z order (absolute paths); index = z.</summary>
    public IReadOnlyList<string> SliceFiles => sliceFiles;

    /// <summary>Width, height, depth (number of slices) and pixel type.</summary>
    public TiffVolumeInfo Info { get; }

    /// <summary>
    /// Lists and orders the slices of <paramref name="folder"/> and reads every slice's header (not its pixels).
    /// </summary>
    /// <exception cref="DataFileException">
    /// The folder is missing or holds no TIFFs; a file name has no number; numbers repeat or have gaps; a file is
    /// not a readable TIFF, is multi-page, has an unsupported pixel type or compression; or slices differ in size
    /// or pixel type.
    /// </exception>
    public static TiffStack Open(string folder)
    {
        var full = Path.GetFullPath(folder);
        var files = StackFileOrder.List(full);
        using var capture = TiffMessages.Capture();
        TiffPageHeader? first = null;
        for (var z = 0; z < files.Count; z++)
        {
            var header = ReadSliceHeader(files[z]);
            first ??= header;
            if (!header.SameShape(first))
            {
                throw new DataFileException(files[z], null,
                    $"slice {z} is {header.Describe()} but slice 0 ('{Path.GetFileName(files[0])}') is " +
                    $"{first.Describe()}; all slices of a stack must match.");
            }
        }

        return new TiffStack(full, files, new TiffVolumeInfo(first!.Width, first.Height, files.Count, first.PixelType));
    }

    /// <summary>Header-only probe: the same checks as <see cref="Open"/>, returning just the volume description.</summary>
    public static TiffVolumeInfo Probe(string folder) => Open(folder).Info;

    /// <summary>
    /// Reads slices <paramref name="zStart"/> (inclusive) to <paramref name="zEnd"/> (exclusive) as a
    /// <c>[z − zStart, row, col]</c> array. <typeparamref name="T"/> must match the stored pixel type
    /// (byte = 8-bit, ushort = 16-bit, float = 32-bit float); use <see cref="ReadSlicesAsFloat"/> to convert.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or outside <c>[0, Depth]</c>.</exception>
    /// <exception cref="DataFileException">The stored type differs from T, or a slice cannot be decoded.</exception>
    public T[,,] ReadSlices<T>(int zStart, int zEnd)
        where T : unmanaged
    {
        CheckRange(zStart, zEnd);
        var wanted = TiffPixelTypes.Of<T>();
        if (wanted != Info.PixelType)
        {
            throw new DataFileException(Folder, null,
                $"the stack holds {Info.PixelType.Describe()} pixels but {wanted.Describe()} ({typeof(T).Name}) " +
                "was requested.");
        }

        var volume = new T[zEnd - zStart, Info.Height, Info.Width];
        using var capture = TiffMessages.Capture();
        for (var z = zStart; z < zEnd; z++)
        {
            ReadSliceInto(z, PixelMemory.SliceBytes(volume, z - zStart));
        }

        return volume;
    }

    /// <summary>Reads one slice as a <c>[row, col]</c> image; see <see cref="ReadSlices{T}"/>.</summary>
    public T[,] ReadSlice<T>(int z)
        where T : unmanaged
    {
        var slab = ReadSlices<T>(z, z + 1);
        var image = new T[Info.Height, Info.Width];
        PixelMemory.SliceBytes(slab, 0).CopyTo(PixelMemory.ImageBytes(image));
        return image;
    }

    /// <summary>
    /// Reads slices <paramref name="zStart"/> (inclusive) to <paramref name="zEnd"/> (exclusive) of any supported
    /// pixel type as 32-bit floats; 8- and 16-bit values convert exactly.
    /// </summary>
    public float[,,] ReadSlicesAsFloat(int zStart, int zEnd) => Info.PixelType switch
    {
        TiffPixelType.UInt8 => PixelConversion.ToFloat(ReadSlices<byte>(zStart, zEnd)),
        TiffPixelType.UInt16 => PixelConversion.ToFloat(ReadSlices<ushort>(zStart, zEnd)),
        _ => ReadSlices<float>(zStart, zEnd),
    };

    /// <summary>
    /// Writes <paramref name="volume"/> (<c>[z, row, col]</c>) as a stack folder, one file per slice named
    /// <c>{prefix}0000.tif</c>, <c>{prefix}0001.tif</c>, … The folder is built under a temporary name and renamed
    /// into place, replacing any existing folder of that name.
    /// </summary>
    public static void Write<T>(string folder, T[,,] volume, TiffWriteOptions? options = null)
        where T : unmanaged
    {
        using var writer = new TiffStackWriter<T>(folder, volume.GetLength(2), volume.GetLength(1), options);
        writer.AppendSlices(volume);
        writer.Commit();
    }

    private static TiffPageHeader ReadSliceHeader(string file)
    {
        using var tiff = TiffFileAccess.OpenRead(file);
        return TiffFileAccess.Guard(file, null, () =>
        {
            var header = TiffPageHeader.Read(tiff, file, null);
            var pages = tiff.NumberOfDirectories();
            return pages == 1
                ? header
                : throw new DataFileException(file, null,
                    $"the file has {pages} pages; a stack folder needs one single-page TIFF per slice " +
                    "(open multi-page files with MultiPageTiff).");
        });
    }

    private void ReadSliceInto(int z, Span<byte> destination)
    {
        var file = sliceFiles[z];
        using var tiff = TiffFileAccess.OpenRead(file);
        // Re-read the header: the file may have been replaced since Open, and the layout (strips or tiles) is per file.
        var header = TiffFileAccess.Guard(file, null, () => TiffPageHeader.Read(tiff, file, null));
        var expected = new TiffPageHeader(Info.Width, Info.Height, Info.PixelType, header.Tiled);
        if (!header.SameShape(expected))
        {
            throw new DataFileException(file, null,
                $"slice {z} is now {header.Describe()}, but the stack was opened as {expected.Describe()}.");
        }

        TiffPageReader.Read(tiff, header, destination, file, null);
    }

    private void CheckRange(int zStart, int zEnd)
    {
        if (zStart < 0 || zEnd > Info.Depth || zStart >= zEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(zStart),
                $"The slice range [{zStart}, {zEnd}) must be non-empty and within [0, {Info.Depth}).");
        }
    }
}
