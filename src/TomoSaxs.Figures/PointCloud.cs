using ScottPlot;
using SkiaSharp;

namespace TomoSaxs.Figures;

/// <summary>
/// Many points of one colour drawn as small squares in a single Skia call, without anti-aliasing: ScottPlot's
/// markers (or anti-aliased round points) take about a second for 200 000 points, this a few milliseconds.
/// </summary>
internal sealed class PointCloud(double[] x, double[] y, Color colour, float diameterPx) : IPlottable
{
    public bool IsVisible { get; set; } = true;

    public IAxes Axes { get; set; } = new ScottPlot.Axes();

    public IEnumerable<LegendItem> LegendItems => LegendItem.None;

    public AxisLimits GetAxisLimits()
    {
        double left = double.PositiveInfinity, right = double.NegativeInfinity;
        double bottom = double.PositiveInfinity, top = double.NegativeInfinity;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                left = Math.Min(left, x[i]);
                right = Math.Max(right, x[i]);
                bottom = Math.Min(bottom, y[i]);
                top = Math.Max(top, y[i]);
            }
        }

        return left <= right ? new AxisLimits(left, right, bottom, top) : AxisLimits.NoLimits;
    }

    public void Render(RenderPack rp)
    {
        var points = new List<SKPoint>(x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                var pixel = Axes.GetPixel(new Coordinates(x[i], y[i]));
                points.Add(new SKPoint(pixel.X, pixel.Y));
            }
        }

        using var paint = new SKPaint
        {
            Color = colour.ToSKColor(),
            StrokeWidth = diameterPx,
            StrokeCap = SKStrokeCap.Square,
            IsAntialias = false,
            Style = SKPaintStyle.Stroke,
        };
        rp.Canvas.DrawPoints(SKPointMode.Points, points.ToArray(), paint);
    }
}
