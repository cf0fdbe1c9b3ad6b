namespace TomoSaxs.Formats.Tiff;

/// <summary>
/// The single-channel pixel types the pipeline reads and writes: what Fiji calls 8-bit, 16-bit and 32-bit images.
/// </summary>
public enum TiffPixelType
{
    /// <summary>8-bit unsigned integer (BitsPerSample 8, SampleFormat 1); C# <see cref="byte"/>.</summary>
    UInt8,

    /// <summary>16-bit unsigned integer (BitsPerSample 16, SampleFormat 1); C# <see cref="ushort"/>.</summary>
    UInt16,

    /// <summary>32-bit IEEE float (BitsPerSample 32, SampleFormat 3); C# <see cref="float"/>.</summary>
    Float32,
}

/// <summary>The tag values and C# element types that belong to each <see cref="TiffPixelType"/>.</summary>
public static class TiffPixelTypes
{
    /// <summary>The TIFF BitsPerSample tag value (also the size of one pixel in bits).</summary>
    public static int BitsPerSample(this TiffPixelType type) => type switch
    {
        TiffPixelType.UInt8 => 8,
        TiffPixelType.UInt16 => 16,
        TiffPixelType.Float32 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The size of one pixel in bytes.</summary>
    public static int BytesPerPixel(this TiffPixelType type) => type.BitsPerSample() / 8;

    /// <summary>The TIFF SampleFormat tag value: 1 = unsigned integer, 3 = IEEE floating point.</summary>
    public static int SampleFormat(this TiffPixelType type) => type == TiffPixelType.Float32 ? 3 : 1;

    /// <summary>A phrase for messages, e.g. "16-bit unsigned".</summary>
    public static string Describe(this TiffPixelType type) => type switch
    {
        TiffPixelType.UInt8 => "8-bit unsigned",
        TiffPixelType.UInt16 => "16-bit unsigned",
        TiffPixelType.Float32 => "32-bit float",
        _ => type.ToString(),
    };

    /// <summary>The pixel type stored by C# element type <typeparamref name="T"/> (byte, ushort or float).</summary>
    /// <exception cref="NotSupportedException">T is not one of byte, ushort, float.</exception>
    public static TiffPixelType Of<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(byte))
        {
            return TiffPixelType.UInt8;
        }

        if (typeof(T) == typeof(ushort))
        {
            return TiffPixelType.UInt16;
        }

        if (typeof(T) == typeof(float))
        {
            return TiffPixelType.Float32;
        }

        throw new NotSupportedException(
            $"TIFF volumes hold byte (8-bit), ushort (16-bit) or float (32-bit) pixels, not {typeof(T).Name}.");
    }

    /// <summary>The pixel type for a BitsPerSample/SampleFormat pair, or null when the pair is not supported.</summary>
    internal static TiffPixelType? FromTags(int bitsPerSample, int sampleFormat) => (bitsPerSample, sampleFormat) switch
    {
        (8, 1) => TiffPixelType.UInt8,
        (16, 1) => TiffPixelType.UInt16,
        (32, 3) => TiffPixelType.Float32,
        _ => null,
    };
}
