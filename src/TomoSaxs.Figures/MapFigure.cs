using System.Numerics;
using ScottPlot;

namespace TomoSaxs.Figures;

/// <summary>
/// A grey image of a 2-D array on axes in µm (rows down, see <see cref="MapAxes"/>), with coloured overlays: bands and
/// horizontal lines (slice heights), circles (a tube fit), points (edge points) and vertical lines (beam paths).
/// Maps larger than about 1000 cells a side are averaged over blocks for display; the grey scale spans the 0.5th to
/// 99.5th percentile of the values. The overlay methods return the figure, so calls can be chained.
/// </summary>
public sealed class MapFigure : PlotFigure
{
    /// <summary>Most labels drawn on bands; with more bands only every k-th is labelled.</summary>
    private const int MaxBandLabels = 40;

    private readonly List<(double Top, double Bottom, string? Label)> _bands = [];
    private readonly List<(double YUm, string Label)> _lineLabels = [];
    private bool _squareRuleAdded;

    private MapFigure(double[,] display, int rows, int cols, MapAxes axes, string title, string xLabel, string yLabel)
        : base(title, xLabel, yLabel)
    {
        Axes = axes;
        Rows = rows;
        Columns = cols;
        var heatmap = Plot.Add.Heatmap(display);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        // Rectangle gives the outer edges of the image (Extent would give the centres of the corner cells).
        heatmap.Rectangle = new CoordinateRect(axes.LeftUm, axes.RightUm(cols), axes.BottomUm(rows), axes.TopUm);
        // ScottPlot puts row 0 at the low end of the y extent; the y axis here grows downwards, so without the flip
        // row 0 would be drawn at the bottom of the image.
        heatmap.FlipVertically = true;
        if (Downsampling.DisplayRange(display) is var (low, high))
        {
            heatmap.ManualRange = new ScottPlot.Range(low, high);
        }
    }

    /// <summary>Starts a figure of <paramref name="map"/> placed by <paramref name="axes"/>.</summary>
    /// <typeparam name="T">Any numeric element type (double, float, ushort, byte, …); values are shown as doubles.</typeparam>
    /// <param name="map">Values, [row, column]; NaN cells are left blank.</param>
    /// <param name="axes">Pixel steps and origin in µm.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <exception cref="ArgumentException">The map is empty or the axes are not positive and finite.</exception>
    public static MapFigure Create<T>(T[,] map, MapAxes axes, string title, string xLabel = "x (µm)", string yLabel = "y (µm)")
        where T : INumberBase<T>
    {
        Guard.NotEmpty(map, nameof(map));
        axes.Validate(nameof(axes));
        var (display, _) = Downsampling.BlockMean(map);
        return new MapFigure(display, map.GetLength(0), map.GetLength(1), axes, title, xLabel, yLabel);
    }

    /// <summary>How the map's pixels sit on the axes.</summary>
    public MapAxes Axes { get; }

    /// <summary>Rows of the original map.</summary>
    public int Rows { get; }

    /// <summary>Columns of the original map.</summary>
    public int Columns { get; }

    /// <summary>Keep µm square on screen (default); side-by-side panels turn this off to share a vertical axis.</summary>
    public bool SquareUnits { get; set; } = true;

    /// <summary>Shades the horizontal band between two heights and labels it at the right.</summary>
    /// <param name="topUm">One edge of the band, y in µm.</param>
    /// <param name="bottomUm">The other edge, y in µm.</param>
    /// <param name="label">Text beside the band, or null.</param>
    public MapFigure AddBand(double topUm, double bottomUm, string? label)
    {
        Guard.Finite(topUm, nameof(topUm));
        Guard.Finite(bottomUm, nameof(bottomUm));
        var span = Plot.Add.VerticalSpan(Math.Min(topUm, bottomUm), Math.Max(topUm, bottomUm), FigureColours.Band.WithAlpha(0.3));
        span.LineColor = FigureColours.Band;
        span.LineWidth = 1.5f;
        _bands.Add((topUm, bottomUm, label));
        return this;
    }

    /// <summary>Draws a horizontal line at height <paramref name="yUm"/> µm, labelled just above it at the right when a label is given.</summary>
    public MapFigure AddHorizontalLine(double yUm, string? label)
    {
        Guard.Finite(yUm, nameof(yUm));
        Plot.Add.HorizontalLine(yUm, 2, FigureColours.Band);
        if (!string.IsNullOrEmpty(label))
        {
            _lineLabels.Add((yUm, label));
        }

        return this;
    }

    /// <summary>Draws a circle centred at (<paramref name="centreXUm"/>, <paramref name="centreYUm"/>) µm of radius <paramref name="radiusUm"/> µm.</summary>
    public MapFigure AddCircle(double centreXUm, double centreYUm, double radiusUm)
    {
        Guard.Finite(centreXUm, nameof(centreXUm));
        Guard.Finite(centreYUm, nameof(centreYUm));
        Guard.PositiveFinite(radiusUm, nameof(radiusUm));
        var circle = Plot.Add.Ellipse(centreXUm, centreYUm, radiusUm, radiusUm);
        StyleFit(circle);
        return this;
    }

    /// <summary>Draws a circle given in pixel units: centre at (fractional) row and column indices, radius in pixels.</summary>
    public MapFigure AddCircleAtPixel(double centreRow, double centreColumn, double radiusPx)
    {
        Guard.Finite(centreRow, nameof(centreRow));
        Guard.Finite(centreColumn, nameof(centreColumn));
        Guard.PositiveFinite(radiusPx, nameof(radiusPx));
        var circle = Plot.Add.Ellipse(Axes.XUm(centreColumn), Axes.YUm(centreRow), radiusPx * Axes.ColumnStepUm, radiusPx * Axes.RowStepUm);
        StyleFit(circle);
        return this;
    }

    /// <summary>Marks points given in µm (at most 200 000 drawn, evenly chosen).</summary>
    public MapFigure AddPoints(IReadOnlyList<(double XUm, double YUm)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var pick = Downsampling.EvenIndices(points.Count);
        AddMarkers(pick.Select(i => points[i].XUm).ToArray(), pick.Select(i => points[i].YUm).ToArray());
        return this;
    }

    /// <summary>Marks points given as (fractional) row and column indices (at most 200 000 drawn, evenly chosen).</summary>
    public MapFigure AddPointsAtPixels(IReadOnlyList<(double Row, double Column)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var pick = Downsampling.EvenIndices(points.Count);
        AddMarkers(pick.Select(i => Axes.XUm(points[i].Column)).ToArray(), pick.Select(i => Axes.YUm(points[i].Row)).ToArray());
        return this;
    }

    /// <summary>Draws a vertical line at <paramref name="xUm"/> µm, labelled at the axis when a label is given.</summary>
    public MapFigure AddVerticalLine(double xUm, string? label)
    {
        Guard.Finite(xUm, nameof(xUm));
        var line = Plot.Add.VerticalLine(xUm, 2, FigureColours.Vertical);
        if (!string.IsNullOrEmpty(label))
        {
            line.Text = label;
            line.LabelOppositeAxis = true;
        }

        return this;
    }

    internal override void BeforeRender()
    {
        AddLabels();
        Plot.Axes.SetLimitsX(Axes.LeftUm, Axes.RightUm(Columns));
        Plot.Axes.SetLimitsY(Axes.BottomUm(Rows), Axes.TopUm);
        if (SquareUnits && !_squareRuleAdded)
        {
            Plot.Axes.SquareUnits();
            _squareRuleAdded = true;
        }
    }

    private void AddLabels()
    {
        var step = Math.Max(1, (int)Math.Ceiling(_bands.Count / (double)MaxBandLabels));
        for (var k = 0; k < _bands.Count; k += step)
        {
            var (top, bottom, label) = _bands[k];
            if (string.IsNullOrEmpty(label))
            {
                continue;
            }

            AddLabel(label, (top + bottom) / 2, Alignment.MiddleRight);
        }

        foreach (var (y, label) in _lineLabels)
        {
            AddLabel(label, y, Alignment.LowerRight);
        }

        _bands.Clear();
        _lineLabels.Clear();
    }

    /// <summary>Dark text on a light box at the right edge of the map, so it reads on any grey.</summary>
    private void AddLabel(string label, double yUm, Alignment alignment)
    {
        var text = Plot.Add.Text(label, Axes.RightUm(Columns), yUm);
        text.Alignment = alignment;
        text.LabelFontColor = Colors.Black;
        text.LabelFontSize = 12;
        text.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
        text.OffsetX = -4;
        text.OffsetY = alignment == Alignment.LowerRight ? -3 : 0;
    }

    private void AddMarkers(double[] xs, double[] ys)
    {
        if (xs.Length > 0)
        {
            Plot.Add.Plottable(new PointCloud(xs, ys, FigureColours.Marker, 3));
        }
    }

    private static void StyleFit(ScottPlot.Plottables.Ellipse circle)
    {
        circle.LineColor = FigureColours.Fit;
        circle.LineWidth = 2;
        circle.FillColor = Colors.Transparent;
    }
}
