using BitMiracle.LibTiff.Classic;
using LibTiff = BitMiracle.LibTiff.Classic.Tiff;

namespace TomoSaxs.Formats.Tiff;

/// <summary>Decodes the current page of an open TIFF, stored in strips or in tiles, into row-major pixel bytes.</summary>
internal static class TiffPageReader
{
    /// <summary>
    /// Decodes the page described by <paramref name="header"/> into <paramref name="destination"/>
    /// (<c>Height × Width</c> pixels, row-major, native byte order).
    /// </summary>
    public static void Read(LibTiff tiff, TiffPageHeader header, Span<byte> destination, string file, string? item)
    {
        if (destination.Length != header.PageBytes)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes, the page {header.PageBytes}.");
        }

        try
        {
            if (header.Tiled)
            {
                ReadTiles(tiff, header, destination, file, item);
            }
            else
            {
                ReadStrips(tiff, header, destination, file, item);
            }
        }
        catch (Exception error) when (error is not DataFileException and not OutOfMemoryException)
        {
            // LibTiff throws (rather than returning −1) on some damaged files, e.g. out-of-range strip offsets.
            throw new DataFileException(file, item, TiffMessages.WithDetail($"the pixels could not be decoded: {error.Message}"), error);
        }
    }

    private static void ReadStrips(LibTiff tiff, TiffPageHeader header, Span<byte> destination, string file, string? item)
    {
        // RowsPerStrip defaults to "all rows" (2^32 − 1), which reads back as −1 through a signed int.
        var rowsPerStrip = tiff.GetFieldDefaulted(TiffTag.ROWSPERSTRIP)[0].ToInt();
        if (rowsPerStrip <= 0 || rowsPerStrip > header.Height)
        {
            rowsPerStrip = header.Height;
        }

        var buffer = new byte[Math.Max(tiff.StripSize(), rowsPerStrip * header.RowBytes)];
        var stripCount = tiff.NumberOfStrips();
        for (var strip = 0; strip < stripCount; strip++)
        {
            var firstRow = strip * rowsPerStrip;
            if (firstRow >= header.Height)
            {
                break;
            }

            var rows = Math.Min(rowsPerStrip, header.Height - firstRow);
            var wanted = rows * header.RowBytes;
            var got = tiff.ReadEncodedStrip(strip, buffer, 0, wanted);
            if (got < wanted)
            {
                throw new DataFileException(file, item, TiffMessages.WithDetail(
                    got < 0
                        ? $"strip {strip} (rows {firstRow}–{firstRow + rows - 1}) could not be decoded."
                        : $"strip {strip} holds {got} bytes, {wanted} expected: the file is truncated or damaged."));
            }

            buffer.AsSpan(0, wanted).CopyTo(destination.Slice(firstRow * header.RowBytes, wanted));
        }
    }

    private static void ReadTiles(LibTiff tiff, TiffPageHeader header, Span<byte> destination, string file, string? item)
    {
        var tileWidth = tiff.GetField(TiffTag.TILEWIDTH)[0].ToInt();
        var tileHeight = tiff.GetField(TiffTag.TILELENGTH)[0].ToInt();
        var bytesPerPixel = header.PixelType.BytesPerPixel();
        var tileRowBytes = tileWidth * bytesPerPixel;
        var buffer = new byte[Math.Max(tiff.TileSize(), tileRowBytes * tileHeight)];
        for (var top = 0; top < header.Height; top += tileHeight)
        {
            for (var left = 0; left < header.Width; left += tileWidth)
            {
                var tile = tiff.ComputeTile(left, top, 0, 0);
                if (tiff.ReadEncodedTile(tile, buffer, 0, -1) < 0)
                {
                    throw new DataFileException(file, item, TiffMessages.WithDetail(
                        $"tile {tile} (row {top}, column {left}) could not be decoded."));
                }

                // Tiles on the right and bottom edges overhang the image; copy only the part inside it.
                var rows = Math.Min(tileHeight, header.Height - top);
                var copyBytes = Math.Min(tileWidth, header.Width - left) * bytesPerPixel;
                for (var r = 0; r < rows; r++)
                {
                    buffer.AsSpan(r * tileRowBytes, copyBytes)
                        .CopyTo(destination.Slice((top + r) * header.RowBytes + left * bytesPerPixel, copyBytes));
                }
            }
        }
    }
}
