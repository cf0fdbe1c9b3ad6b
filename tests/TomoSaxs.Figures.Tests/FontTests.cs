namespace TomoSaxs.Figures.Tests;

public sealed class FontTests
{
    /// <summary>
    /// Text needs a font file under /usr/share/fonts (the SkiaSharp native library here does not use fontconfig);
    /// without one every label silently vanishes. A title must leave dark pixels above the plot; no title, none.
    /// </summary>
    [Fact]
    public void Titles_and_labels_are_drawn()
    {
        var map = new double[10, 10];
        var titled = MapFigure.Create(map, MapAxes.Square(1), "A title of some length");
        using var withTitle = RenderedImage.Render(titled);
        var plotTop = titled.PixelOf(0, titled.Axes.TopUm).Y;
        var untitled = MapFigure.Create(map, MapAxes.Square(1), "", "", "");
        using var withoutTitle = RenderedImage.Render(untitled);

        Assert.Contains(withTitle.Find(Colours.Dark), p => p.Y < plotTop - 5);
        var untitledTop = untitled.PixelOf(0, untitled.Axes.TopUm).Y;
        Assert.DoesNotContain(withoutTitle.Find(Colours.Dark), p => p.Y < untitledTop - 15);
    }
}
