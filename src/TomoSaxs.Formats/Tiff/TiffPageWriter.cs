using System.Globalization;
using BitMiracle.LibTiff.Classic;
using LibTiff = BitMiracle.LibTiff.Classic.Tiff;

namespace TomoSaxs.Formats.Tiff;

/// <summary>
/// Writes one single-channel page with the tags Fiji needs to open it as 8-bit, 16-bit or 32-bit (float) data:
/// BitsPerSample and SampleFormat (3 for float), MinIsBlack, one sample per pixel, strips of about 256 KiB.
/// </summary>
internal static class TiffPageWriter
{
    private const int TargetStripBytes = 256 * 1024;

    /// <summary>
    /// Writes <paramref name="pixels"/> (<c>height × width</c>, row-major, native byte order) as the next page of
    /// <paramref name="tiff"/>; <paramref name="isPageOfMany"/> marks pages of a multi-page file.
    /// </summary>
    public static void Write(
        LibTiff tiff, ReadOnlySpan<byte> pixels, int width, int height, TiffPixelType pixelType,
        TiffWriteOptions options, bool isPageOfMany, string file, string? item)
    {
        var rowBytes = width * pixelType.BytesPerPixel();
        var rowsPerStrip = Math.Clamp(TargetStripBytes / rowBytes, 1, height);

        tiff.SetField(TiffTag.IMAGEWIDTH, width);
        tiff.SetField(TiffTag.IMAGELENGTH, height);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tiff.SetField(TiffTag.BITSPERSAMPLE, pixelType.BitsPerSample());
        tiff.SetField(TiffTag.SAMPLEFORMAT, pixelType == TiffPixelType.Float32 ? SampleFormat.IEEEFP : SampleFormat.UINT);
        tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tiff.SetField(TiffTag.ORIENTATION, Orientation.TOPLEFT);
        tiff.SetField(TiffTag.COMPRESSION, ToLibTiff(options.Compression));
        tiff.SetField(TiffTag.ROWSPERSTRIP, rowsPerStrip);
        if (isPageOfMany)
        {
            tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
        }

        if (options.PixelSizeUm is { } pixelSizeUm)
        {
            // ImageJ takes the pixel size from XResolution (pixels per unit) and the unit from its description.
            tiff.SetField(TiffTag.XRESOLUTION, 1.0 / pixelSizeUm);
            tiff.SetField(TiffTag.YRESOLUTION, 1.0 / pixelSizeUm);
            tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.NONE);
            tiff.SetField(TiffTag.IMAGEDESCRIPTION, ImageJDescription(options));
        }

        var buffer = new byte[rowsPerStrip * rowBytes];
        for (int strip = 0, firstRow = 0; firstRow < height; strip++, firstRow += rowsPerStrip)
        {
            var bytes = Math.Min(rowsPerStrip, height - firstRow) * rowBytes;
            pixels.Slice(firstRow * rowBytes, bytes).CopyTo(buffer);
            if (tiff.WriteEncodedStrip(strip, buffer, bytes) < 0)
            {
                throw new DataFileException(file, item, TiffMessages.WithDetail($"strip {strip} could not be written."));
            }
        }

        if (!tiff.WriteDirectory())
        {
            throw new DataFileException(file, item, TiffMessages.WithDetail("the image directory could not be written."));
        }
    }

    private static string ImageJDescription(TiffWriteOptions options)
    {
        // No "images=" entry: with it ImageJ would assume one contiguous pixel block instead of reading every page.
        var text = "ImageJ=1.54f\nunit=micron\n";
        if (options.SliceSpacingUm is { } spacing)
        {
            text += "spacing=" + spacing.ToString("R", CultureInfo.InvariantCulture) + "\n";
        }

        return text;
    }

    private static Compression ToLibTiff(TiffCompression compression) => compression switch
    {
        TiffCompression.None => Compression.NONE,
        TiffCompression.Lzw => Compression.LZW,
        TiffCompression.Deflate => Compression.ADOBE_DEFLATE,
        TiffCompression.PackBits => Compression.PACKBITS,
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, null),
    };
}
