using ScottPlot;

namespace TomoSaxs.Figures;

/// <summary>A figure made of one ScottPlot <see cref="ScottPlot.Plot"/>.</summary>
public abstract class PlotFigure : Figure
{
    /// <summary>Starts an empty plot with a title and axis labels.</summary>
    protected PlotFigure(string title, string xLabel, string yLabel)
    {
        FigureFonts.Ensure();
        Plot = new Plot();
        Plot.Title(title ?? "");
        Plot.XLabel(xLabel ?? "");
        Plot.YLabel(yLabel ?? "");
    }

    /// <summary>The underlying plot, for callers that want to add something these classes do not offer.</summary>
    public Plot Plot { get; }

    /// <summary>Pixel position in the last rendered image of a point given in axis units (µm).</summary>
    internal Pixel PixelOf(double x, double y) => Plot.GetPixel(new Coordinates(x, y));

    internal override Image Render(FigureSize size)
    {
        BeforeRender();
        return Plot.GetImage(size.WidthPx, size.HeightPx);
    }

    /// <summary>Fixes axis limits and the like just before drawing.</summary>
    internal virtual void BeforeRender()
    {
    }
}
