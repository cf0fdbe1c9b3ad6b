namespace TomoSaxs.Formats.Tiff;

/// <summary>
/// What a header-only probe of a TIFF volume finds, without reading pixels. The volume is indexed
/// <c>[z, row, col]</c>: <see cref="Depth"/> slices of <see cref="Height"/> rows by <see cref="Width"/> columns.
/// </summary>
/// <param name="Width">Columns per slice (TIFF ImageWidth), in pixels.</param>
/// <param name="Height">Rows per slice (TIFF ImageLength), in pixels.</param>
/// <param name="Depth">Number of z slices: files in a stack folder, or pages in a multi-page file.</param>
/// <param name="PixelType">The pixel type, the same in every slice.</param>
public sealed record TiffVolumeInfo(int Width, int Height, int Depth, TiffPixelType PixelType)
{
    /// <summary>The TIFF BitsPerSample tag value (8, 16 or 32).</summary>
    public int BitsPerSample => PixelType.BitsPerSample();

    /// <summary>The TIFF SampleFormat tag value: 1 = unsigned integer, 3 = IEEE float.</summary>
    public int SampleFormat => PixelType.SampleFormat();

    /// <summary>The size of one slice in bytes.</summary>
    public long SliceBytes => (long)Width * Height * PixelType.BytesPerPixel();

    /// <summary>A phrase for messages, e.g. "512 × 480 × 300, 16-bit unsigned".</summary>
    public override string ToString() => $"{Width} × {Height} × {Depth}, {PixelType.Describe()}";
}
