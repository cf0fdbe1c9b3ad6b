using BitMiracle.LibTiff.Classic;
using LibTiff = BitMiracle.LibTiff.Classic.Tiff;

namespace TomoSaxs.Formats.Tests.Tiff;

/// <summary>
/// Writes TIFFs directly with LibTiff, in layouts our writer never produces (tiles, compression, big-endian,
/// colour, signed), to stand in for files from Fiji, Avizo or beamline software.
/// </summary>
internal static class ForeignTiff
{
    public sealed record Layout
    {
        public int Bits { get; init; } = 16;
        public SampleFormat Format { get; init; } = SampleFormat.UINT;
        public int SamplesPerPixel { get; init; } = 1;
        public Photometric Photometric { get; init; } = Photometric.MINISBLACK;
        public Compression Compression { get; init; } = Compression.NONE;
        public Predictor? Predictor { get; init; }
        public int? TileSize { get; init; }
        public int RowsPerStrip { get; init; } = 3;
        public bool BigEndian { get; init; }
    }

    /// <summary>Writes one page per entry of <paramref name="pages"/>; each page is raw native-order pixel bytes.</summary>
    public static void Write(string path, Layout layout, int width, int height, params byte[][] pages)
    {
        using var tiff = LibTiff.Open(path, layout.BigEndian ? "wb" : "wl") ?? throw new IOException("cannot create " + path);
        foreach (var page in pages)
        {
            WritePage(tiff, layout, width, height, page);
        }
    }

    /// <summary>Pixel bytes of a <c>[row, col]</c> array in native order.</summary>
    public static byte[] Bytes<T>(T[,] image)
        where T : unmanaged
    {
        var span = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(
            ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(image),
            image.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        return span.ToArray();
    }

    private static void WritePage(LibTiff tiff, Layout layout, int width, int height, byte[] pixels)
    {
        tiff.SetField(TiffTag.IMAGEWIDTH, width);
        tiff.SetField(TiffTag.IMAGELENGTH, height);
        tiff.SetField(TiffTag.BITSPERSAMPLE, layout.Bits);
        tiff.SetField(TiffTag.SAMPLEFORMAT, layout.Format);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, layout.SamplesPerPixel);
        tiff.SetField(TiffTag.PHOTOMETRIC, layout.Photometric);
        tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tiff.SetField(TiffTag.COMPRESSION, layout.Compression);
        if (layout.Predictor is { } predictor)
        {
            tiff.SetField(TiffTag.PREDICTOR, predictor);
        }

        var pixelBytes = layout.Bits / 8 * layout.SamplesPerPixel;
        if (layout.TileSize is { } tile)
        {
            tiff.SetField(TiffTag.TILEWIDTH, tile);
            tiff.SetField(TiffTag.TILELENGTH, tile);
            var buffer = new byte[tile * tile * pixelBytes];
            for (var top = 0; top < height; top += tile)
            {
                for (var left = 0; left < width; left += tile)
                {
                    Array.Clear(buffer);
                    for (var r = 0; r < tile && top + r < height; r++)
                    {
                        var count = Math.Min(tile, width - left) * pixelBytes;
                        Array.Copy(pixels, ((top + r) * width + left) * pixelBytes, buffer, r * tile * pixelBytes, count);
                    }

                    tiff.WriteEncodedTile(tiff.ComputeTile(left, top, 0, 0), buffer, buffer.Length);
                }
            }
        }
        else
        {
            tiff.SetField(TiffTag.ROWSPERSTRIP, layout.RowsPerStrip);
            var rowBytes = width * pixelBytes;
            for (int strip = 0, row = 0; row < height; strip++, row += layout.RowsPerStrip)
            {
                var rows = Math.Min(layout.RowsPerStrip, height - row);
                var buffer = new byte[rows * rowBytes];
                Array.Copy(pixels, row * rowBytes, buffer, 0, buffer.Length);
                tiff.WriteEncodedStrip(strip, buffer, buffer.Length);
            }
        }

        tiff.WriteDirectory();
    }

    /// <summary>
    /// Writes an 8-bit single-strip file whose directory is intact but whose pixel strip is cut to half its
    /// length: the header reads fine, decoding the pixels fails.
    /// </summary>
    public static void WriteTruncated(string path, int width, int height)
    {
        Write(path, new Layout { Bits = 8, RowsPerStrip = height }, width, height, new byte[width * height]);
        var bytes = File.ReadAllBytes(path);
        // LibTiff wrote: 8-byte header, the strip, then the directory, whose values all fit inline here.
        var directory = bytes.AsSpan(BitConverter.ToInt32(bytes, 4)).ToArray();
        var keptPixels = width * height / 2;
        var truncated = bytes.AsSpan(0, 8 + keptPixels).ToArray().Concat(directory).ToArray();
        BitConverter.TryWriteBytes(truncated.AsSpan(4, 4), 8 + keptPixels);
        File.WriteAllBytes(path, truncated);
    }

    /// <summary>
    /// Rewrites the Compression tag of the first directory of a little-endian classic TIFF, to imitate a file
    /// compressed with a scheme this reader cannot decode (LibTiff refuses to write such files itself).
    /// </summary>
    public static void PatchCompressionTag(string path, ushort compression)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'I', bytes[0]);
        var ifd = BitConverter.ToInt32(bytes, 4);
        var entries = BitConverter.ToUInt16(bytes, ifd);
        for (var i = 0; i < entries; i++)
        {
            var entry = ifd + 2 + i * 12;
            if (BitConverter.ToUInt16(bytes, entry) == (ushort)TiffTag.COMPRESSION)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(entry + 8, 2), compression);
                File.WriteAllBytes(path, bytes);
                return;
            }
        }

        throw new InvalidOperationException("no Compression tag in " + path);
    }
}
