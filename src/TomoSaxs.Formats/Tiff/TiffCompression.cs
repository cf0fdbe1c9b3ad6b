namespace TomoSaxs.Formats.Tiff;

/// <summary>
/// Compression for written TIFFs. All of them open in Fiji; <see cref="None"/> (the default) is also the fastest to
/// read back and the safest for other tools.
/// </summary>
public enum TiffCompression
{
    /// <summary>Uncompressed strips.</summary>
    None,

    /// <summary>Lempel–Ziv–Welch (TIFF compression 5).</summary>
    Lzw,

    /// <summary>Deflate/zip (TIFF compression 8, "Adobe deflate").</summary>
    Deflate,

    /// <summary>PackBits run-length coding (TIFF compression 32773).</summary>
    PackBits,
}
