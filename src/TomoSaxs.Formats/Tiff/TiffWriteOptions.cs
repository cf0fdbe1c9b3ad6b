namespace TomoSaxs.Formats.Tiff;

/// <summary>How TIFF files are written. The defaults give plain uncompressed files that Fiji opens as they are.</summary>
public sealed record TiffWriteOptions
{
    /// <summary>The default options: uncompressed, no spatial calibration.</summary>
    public static TiffWriteOptions Default { get; } = new();

    /// <summary>Compression of the pixel data.</summary>
    public TiffCompression Compression { get; init; } = TiffCompression.None;

    /// <summary>
    /// In-plane pixel size in µm, or null for none. When set it is written as XResolution/YResolution
    /// (pixels per µm) plus an ImageJ description with <c>unit=micron</c>, so Fiji shows calibrated µm.
    /// </summary>
    public double? PixelSizeUm { get; init; }

    /// <summary>Distance between z slices in µm (ImageJ "spacing"), or null for none; needs <see cref="PixelSizeUm"/>.</summary>
    public double? SliceSpacingUm { get; init; }

    /// <summary>
    /// Write a BigTIFF (64-bit offsets) multi-page file. Needed past 4 GiB; Fiji opens BigTIFF through
    /// Bio-Formats only. <see cref="MultiPageTiff.Write{T}(string, T[,,], TiffWriteOptions?)"/> switches it on
    /// by itself when the volume needs it.
    /// </summary>
    public bool BigTiff { get; init; }

    /// <summary>Text placed before the zero-padded slice number in stack file names ("" gives <c>0000.tif</c>).</summary>
    public string SliceFilePrefix { get; init; } = "";

    internal void Validate()
    {
        if (PixelSizeUm is { } size && !(double.IsFinite(size) && size > 0))
        {
            throw new ArgumentException($"PixelSizeUm must be a positive number of µm, not {size}.");
        }

        if (SliceSpacingUm is { } spacing && !(double.IsFinite(spacing) && spacing > 0))
        {
            throw new ArgumentException($"SliceSpacingUm must be a positive number of µm, not {spacing}.");
        }

        if (SliceSpacingUm is not null && PixelSizeUm is null)
        {
            throw new ArgumentException("SliceSpacingUm needs PixelSizeUm: ImageJ reads the unit from the pixel size.");
        }

        if (SliceFilePrefix.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || SliceFilePrefix.StartsWith('.'))
        {
            // A leading dot would hide the slices: stack readers skip dot files (temporary and resource-fork files).
            throw new ArgumentException($"SliceFilePrefix '{SliceFilePrefix}' must be a plain file-name fragment.");
        }
    }
}
