using LibTiff = BitMiracle.LibTiff.Classic.Tiff;
namespace TomoSaxs.Formats.Tiff;

/// <summary>
/// A volume stored as the pages of one TIFF file (Fiji "Save As › Tiff" of a stack), or a single 2-D image.
/// Page i is slice z = i. Reads open the file per call and hold nothing open, so the class is stateless and
/// thread-safe. LibTiff.NET addresses pages with a 16-bit index, so files of more than 32 767 pages are rejected.
/// </summary>
public static class MultiPageTiff
{
    private const int MaxPages = short.MaxValue;

    // Past this size a classic TIFF's 32-bit offsets run out; keep a margin for the directories.
    private const long ClassicTiffLimitBytes = 3_900_000_000L;

    /// <summary>Header-only probe: width, height, page count and pixel type, checking every page matches.</summary>
    /// <exception cref="DataFileException">
    /// The file is missing or not a TIFF, a page has an unsupported pixel type or compression, or pages differ.
    /// </exception>
    public static TiffVolumeInfo Probe(string file)
    {
        var full = Path.GetFullPath(file);
        using var capture = TiffMessages.Capture();
        using var tiff = TiffFileAccess.OpenRead(full);
        return TiffFileAccess.Guard(full, null, () =>
        {
            var pageCount = tiff.NumberOfDirectories();
            if (pageCount > MaxPages)
            {
                throw new DataFileException(full, null,
                    $"the file has {pageCount} pages; at most {MaxPages} can be read. Save it as a stack folder.");
            }

            var first = TiffPageHeader.Read(tiff, full, PageItem(0));
            for (var page = 1; page < pageCount; page++)
            {
                NextPage(tiff, full, page);
                var header = TiffPageHeader.Read(tiff, full, PageItem(page));
                if (!header.SameShape(first))
                {
                    throw new DataFileException(full, PageItem(page),
                        $"the page is {header.Describe()} but page 0 is {first.Describe()}; all pages must match.");
                }
            }

            return new TiffVolumeInfo(first.Width, first.Height, pageCount, first.PixelType);
        });
    }

    /// <summary>
    /// Reads pages <paramref name="zStart"/> (inclusive) to <paramref name="zEnd"/> (exclusive) as a
    /// <c>[z − zStart, row, col]</c> array. <typeparamref name="T"/> must match the stored pixel type
    /// (byte = 8-bit, ushort = 16-bit, float = 32-bit float).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or outside the file's pages.</exception>
    /// <exception cref="DataFileException">The file is unreadable, pages differ, or the type is not T.</exception>
    public static T[,,] ReadPages<T>(string file, int zStart, int zEnd)
        where T : unmanaged
    {
        var full = Path.GetFullPath(file);
        var info = Probe(full);
        if (zStart < 0 || zEnd > info.Depth || zStart >= zEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(zStart),
                $"The page range [{zStart}, {zEnd}) must be non-empty and within [0, {info.Depth}).");
        }

        var wanted = TiffPixelTypes.Of<T>();
        if (wanted != info.PixelType)
        {
            throw new DataFileException(full, null,
                $"the file holds {info.PixelType.Describe()} pixels but {wanted.Describe()} ({typeof(T).Name}) was requested.");
        }

        var volume = new T[zEnd - zStart, info.Height, info.Width];
        using var capture = TiffMessages.Capture();
        using var tiff = TiffFileAccess.OpenRead(full);
        for (var page = zStart; page < zEnd; page++)
        {
            if (page == zStart)
            {
                SelectPage(tiff, full, page);
            }
            else
            {
                NextPage(tiff, full, page);
            }

            var header = TiffFileAccess.Guard(full, PageItem(page), () => TiffPageHeader.Read(tiff, full, PageItem(page)));
            TiffPageReader.Read(tiff, header, PixelMemory.SliceBytes(volume, page - zStart), full, PageItem(page));
        }

        return volume;
    }

    /// <summary>Reads every page; see <see cref="ReadPages{T}"/>.</summary>
    public static T[,,] ReadVolume<T>(string file)
        where T : unmanaged => ReadPages<T>(file, 0, Probe(file).Depth);

    /// <summary>Reads a single-page TIFF (a map or projection) as a <c>[row, col]</c> image.</summary>
    /// <exception cref="DataFileException">The file has more than one page, or is otherwise unreadable.</exception>
    public static T[,] ReadImage<T>(string file)
        where T : unmanaged
    {
        var info = Probe(file);
        if (info.Depth != 1)
        {
            throw new DataFileException(Path.GetFullPath(file), null,
                $"expected a single image, found {info.Depth} pages; read it with ReadPages.");
        }

        var page = ReadPages<T>(file, 0, 1);
        var image = new T[info.Height, info.Width];
        PixelMemory.SliceBytes(page, 0).CopyTo(PixelMemory.ImageBytes(image));
        return image;
    }

    /// <summary>
    /// Writes <paramref name="volume"/> (<c>[z, row, col]</c>) as a multi-page TIFF, atomically (temporary name,
    /// then rename). Switches to BigTIFF when the pixels would not fit a classic TIFF.
    /// </summary>
    public static void Write<T>(string file, T[,,] volume, TiffWriteOptions? options = null)
        where T : unmanaged
    {
        options ??= TiffWriteOptions.Default;
        var bytes = (long)volume.Length * TiffPixelTypes.Of<T>().BytesPerPixel();
        if (bytes > ClassicTiffLimitBytes && !options.BigTiff)
        {
            options = options with { BigTiff = true };
        }

        using var writer = new MultiPageTiffWriter<T>(file, volume.GetLength(2), volume.GetLength(1), options);
        writer.AppendPages(volume);
        writer.Commit();
    }

    /// <summary>Writes a <c>[row, col]</c> image (a map) as a single-page TIFF, atomically.</summary>
    public static void WriteImage<T>(string file, T[,] image, TiffWriteOptions? options = null)
        where T : unmanaged
    {
        using var writer = new MultiPageTiffWriter<T>(file, image.GetLength(1), image.GetLength(0), options);
        writer.AppendPage(image);
        writer.Commit();
    }

    internal static string PageItem(int page) => $"page {page}";

    // SetDirectory walks the page chain from the start; use it once, then step with NextPage, or reading a
    // range of n pages would follow O(n²) links.
    private static void SelectPage(LibTiff tiff, string file, int page)
    {
        if (!tiff.SetDirectory((short)page))
        {
            throw new DataFileException(file, PageItem(page), TiffMessages.WithDetail("the page cannot be read."));
        }
    }

    private static void NextPage(LibTiff tiff, string file, int page)
    {
        if (!tiff.ReadDirectory())
        {
            throw new DataFileException(file, PageItem(page), TiffMessages.WithDetail("the page cannot be read."));
        }
    }
}
