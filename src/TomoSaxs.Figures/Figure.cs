using ScottPlot;

namespace TomoSaxs.Figures;

/// <summary>A figure that can be rendered to a PNG image or written to a PNG file.</summary>
public abstract class Figure
{
    /// <summary>Renders the figure and encodes it as PNG bytes of exactly <paramref name="size"/> pixels.</summary>
    public byte[] RenderPng(FigureSize size)
    {
        size.Validate(nameof(size));
        FigureFonts.Ensure();
        using var image = Render(size);
        return image.GetImageBytes(ImageFormat.Png);
    }

    /// <summary>
    /// Writes the figure as a PNG file of <paramref name="size"/> pixels (default <see cref="FigureSize.Default"/>)
    /// through a temporary file renamed over <paramref name="path"/>, so an older figure is replaced whole or not at all.
    /// </summary>
    public void SavePng(string path, FigureSize? size = null)
    {
        Guard.Path(path, nameof(path));
        PngFile.Write(path, RenderPng(size ?? DefaultSize));
    }

    /// <summary>The size <see cref="SavePng"/> uses when none is given.</summary>
    public virtual FigureSize DefaultSize => FigureSize.Default;

    /// <summary>Draws the figure; after this the plots' coordinate → pixel mappings describe the image.</summary>
    internal abstract Image Render(FigureSize size);
}
