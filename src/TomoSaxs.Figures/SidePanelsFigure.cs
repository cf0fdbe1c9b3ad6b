using ScottPlot;

namespace TomoSaxs.Figures;

/// <summary>
/// Two map figures side by side sharing one vertical axis (both show the same y range in µm, the union of theirs),
/// e.g. a WAXS map beside the registered CT map.
/// </summary>
public sealed class SidePanelsFigure : Figure
{
    /// <summary>Puts <paramref name="left"/> and <paramref name="right"/> side by side; their µm need not be square on screen.</summary>
    public SidePanelsFigure(MapFigure left, MapFigure right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        Left = left;
        Right = right;
        left.SquareUnits = false;
        right.SquareUnits = false;
    }

    /// <summary>The left panel.</summary>
    public MapFigure Left { get; }

    /// <summary>The right panel.</summary>
    public MapFigure Right { get; }

    /// <inheritdoc />
    public override FigureSize DefaultSize => FigureSize.Wide;

    internal override Image Render(FigureSize size)
    {
        Left.BeforeRender();
        Right.BeforeRender();
        var top = Math.Min(Left.Axes.TopUm, Right.Axes.TopUm);
        var bottom = Math.Max(Left.Axes.BottomUm(Left.Rows), Right.Axes.BottomUm(Right.Rows));
        Left.Plot.Axes.SetLimitsY(bottom, top);
        Right.Plot.Axes.SetLimitsY(bottom, top);

        var multiplot = new Multiplot();
        multiplot.Reset(Left.Plot);
        multiplot.AddPlot(Right.Plot);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        return multiplot.Render(size.WidthPx, size.HeightPx);
    }
}
