using BitMiracle.LibTiff.Classic;
using LibTiff = BitMiracle.LibTiff.Classic.Tiff;

namespace TomoSaxs.Formats.Tiff;

/// <summary>The layout of one TIFF page (image file directory) as far as reading its pixels needs it.</summary>
internal sealed record TiffPageHeader(int Width, int Height, TiffPixelType PixelType, bool Tiled)
{
    /// <summary>Bytes in one row of pixels.</summary>
    public int RowBytes => Width * PixelType.BytesPerPixel();

    /// <summary>Bytes in the whole page.</summary>
    public long PageBytes => (long)RowBytes * Height;

    /// <summary>True when another page has the same size and pixel type, so both fit one volume.</summary>
    public bool SameShape(TiffPageHeader other) =>
        Width == other.Width && Height == other.Height && PixelType == other.PixelType;

    /// <summary>A phrase for messages, e.g. "512 × 480 16-bit unsigned".</summary>
    public string Describe() => $"{Width} × {Height} {PixelType.Describe()}";

    /// <summary>
    /// Reads and checks the current directory's tags. Throws <see cref="DataFileException"/> naming
    /// <paramref name="file"/> and <paramref name="item"/> when the page is not a single-channel image of a
    /// supported pixel type, or is compressed with a scheme LibTiff cannot decode.
    /// </summary>
    public static TiffPageHeader Read(LibTiff tiff, string file, string? item)
    {
        var width = Required(tiff, TiffTag.IMAGEWIDTH, file, item);
        var height = Required(tiff, TiffTag.IMAGELENGTH, file, item);
        if (width <= 0 || height <= 0)
        {
            throw new DataFileException(file, item, $"the image is {width} × {height} pixels; both must be positive.");
        }

        var samplesPerPixel = Defaulted(tiff, TiffTag.SAMPLESPERPIXEL);
        if (samplesPerPixel != 1)
        {
            throw new DataFileException(file, item,
                $"the image has {samplesPerPixel} samples per pixel (colour or multi-channel); only single-channel " +
                "grey images are supported. Split the channels in Fiji first.");
        }

        var photometric = tiff.GetField(TiffTag.PHOTOMETRIC) is { } p ? (Photometric)p[0].ToInt() : Photometric.MINISBLACK;
        if (photometric is not (Photometric.MINISBLACK or Photometric.PALETTE))
        {
            // MinIsWhite would make 0 mean "bright"; reading it as data would silently invert fibre indices and CT.
            throw new DataFileException(file, item,
                $"photometric interpretation {photometric} is not supported; expected MinIsBlack grey " +
                "(or a palette image, whose raw indices are read).");
        }

        var bits = Defaulted(tiff, TiffTag.BITSPERSAMPLE);
        var sampleFormat = Defaulted(tiff, TiffTag.SAMPLEFORMAT);
        var pixelType = TiffPixelTypes.FromTags(bits, sampleFormat)
            ?? throw new DataFileException(file, item,
                $"pixels are {bits}-bit {DescribeSampleFormat(sampleFormat)}; supported are 8-bit unsigned, " +
                "16-bit unsigned and 32-bit float.");

        var compression = (Compression)Defaulted(tiff, TiffTag.COMPRESSION);
        if (!tiff.IsCodecConfigured(compression))
        {
            throw new DataFileException(file, item,
                $"compression {DescribeCompression(compression)} cannot be decoded here; re-save the file " +
                "uncompressed or with LZW, Deflate or PackBits.");
        }

        return new TiffPageHeader(width, height, pixelType, tiff.IsTiled());
    }

    private static int Required(LibTiff tiff, TiffTag tag, string file, string? item) =>
        tiff.GetField(tag) is { } value
            ? value[0].ToInt()
            : throw new DataFileException(file, item, $"the required tag {tag} is missing.");

    private static int Defaulted(LibTiff tiff, TiffTag tag) => tiff.GetFieldDefaulted(tag)[0].ToInt();

    private static string DescribeSampleFormat(int sampleFormat) => sampleFormat switch
    {
        1 => "unsigned integer",
        2 => "signed integer",
        3 => "floating point",
        _ => $"sample format {sampleFormat}",
    };

    private static string DescribeCompression(Compression compression) =>
        Enum.IsDefined(compression) ? $"{(int)compression} ({compression})" : $"{(int)compression}";
}
