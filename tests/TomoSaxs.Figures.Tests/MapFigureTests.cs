namespace TomoSaxs.Figures.Tests;

public sealed class MapFigureTests
{
    private static readonly MapAxes Axes = new(ColumnStepUm: 2.0, RowStepUm: 3.0, OriginXUm: 100, OriginYUm: -50);

    /// <summary>A dark 120 × 160 map with one bright row and one bright column.</summary>
    private static double[,] CrossMap(int brightRow, int brightColumn, int rows = 120, int cols = 160)
    {
        var map = new double[rows, cols];
        for (var c = 0; c < cols; c++)
        {
            map[brightRow, c] = 1;
        }

        for (var r = 0; r < rows; r++)
        {
            map[r, brightColumn] = 1;
        }

        return map;
    }

    [Fact]
    public void Renders_a_png_of_the_requested_size()
    {
        using var image = RenderedImage.Render(MapFigure.Create(CrossMap(5, 5), Axes, "map"), 640, 480);
        Assert.Equal((640, 480), (image.Width, image.Height));
    }

    [Fact]
    public void Row_zero_is_at_the_top_and_pixels_sit_where_the_axes_say()
    {
        // Bright row 20 and column 130; rows go down, so row 20 is in the upper part of the image.
        var figure = MapFigure.Create(CrossMap(20, 130), Axes, "map");
        using var image = RenderedImage.Render(figure);

        var brightRow = figure.PixelOf(Axes.XUm(40), Axes.YUm(20));
        var mirroredRow = figure.PixelOf(Axes.XUm(40), Axes.YUm(99));
        var brightColumn = figure.PixelOf(Axes.XUm(130), Axes.YUm(60));
        var mirroredColumn = figure.PixelOf(Axes.XUm(29), Axes.YUm(60));
        Assert.True(brightRow.Y < mirroredRow.Y, "row 20 should be drawn above row 99");
        Assert.True(image.Brightness(brightRow.X, brightRow.Y) > 200, "bright row not where its height says");
        Assert.True(image.Brightness(mirroredRow.X, mirroredRow.Y) < 50, "the map is flipped vertically");
        Assert.True(image.Brightness(brightColumn.X, brightColumn.Y) > 200, "bright column not where its x says");
        Assert.True(image.Brightness(mirroredColumn.X, mirroredColumn.Y) < 50, "the map is flipped horizontally");
    }

    [Fact]
    public void A_circle_in_pixel_units_is_drawn_on_its_radius_and_nowhere_else()
    {
        var figure = MapFigure.Create(new double[120, 160], Axes with { RowStepUm = 2.0 }, "circle")
            .AddCircleAtPixel(centreRow: 60, centreColumn: 70, radiusPx: 30);
        using var image = RenderedImage.Render(figure);

        var centre = figure.PixelOf(figure.Axes.XUm(70), figure.Axes.YUm(60));
        var radius = figure.PixelOf(figure.Axes.XUm(100), figure.Axes.YUm(60)).X - centre.X;
        Assert.True(radius > 50, $"radius on screen {radius} px is too small to test");
        for (var angle = 0; angle < 360; angle += 45)
        {
            var a = angle * Math.PI / 180;
            Assert.True(image.AnyNear(centre.X + radius * Math.Cos(a), centre.Y + radius * Math.Sin(a), 3, Colours.Red), $"no circle at {angle}°");
        }

        var red = image.Find(Colours.Red);
        Assert.NotEmpty(red);
        Assert.All(red, p => Assert.InRange(Math.Sqrt(Math.Pow(p.X - centre.X, 2) + Math.Pow(p.Y - centre.Y, 2)), radius - 4, radius + 4));
    }

    [Fact]
    public void A_circle_in_um_matches_the_same_circle_in_pixels()
    {
        var square = MapAxes.Square(1.5, 10, 20);
        var figure = MapFigure.Create(new double[100, 100], square, "circle").AddCircle(square.XUm(40), square.YUm(55), 25 * 1.5);
        using var image = RenderedImage.Render(figure);

        var top = figure.PixelOf(square.XUm(40), square.YUm(30));
        var right = figure.PixelOf(square.XUm(65), square.YUm(55));
        Assert.True(image.AnyNear(top.X, top.Y, 3, Colours.Red));
        Assert.True(image.AnyNear(right.X, right.Y, 3, Colours.Red));
        var centre = figure.PixelOf(square.XUm(40), square.YUm(55));
        Assert.False(image.AnyNear(centre.X, centre.Y, 20, Colours.Red));
    }

    [Fact]
    public void A_band_shades_its_heights_and_nothing_else()
    {
        var figure = MapFigure.Create(new double[120, 160], Axes, "band").AddBand(topUm: Axes.YUm(30), bottomUm: Axes.YUm(45), label: "slice 3");
        using var image = RenderedImage.Render(figure);

        var top = figure.PixelOf(Axes.XUm(80), Axes.YUm(30));
        var bottom = figure.PixelOf(Axes.XUm(80), Axes.YUm(45));
        Assert.True(image.AnyNear(top.X, top.Y, 2, Colours.Orange), "no line at the band's top");
        Assert.True(image.AnyNear(bottom.X, bottom.Y, 2, Colours.Orange), "no line at the band's bottom");
        var orange = image.Find(Colours.Orange);
        Assert.All(orange, p => Assert.InRange(p.Y, top.Y - 3, bottom.Y + 3));

        // Inside the band the dark map is tinted orange: red above green above blue.
        var inside = image[(int)top.X, (int)((top.Y + bottom.Y) / 2)];
        Assert.True(inside.Red > inside.Green && inside.Green > inside.Blue, $"band interior {inside} is not tinted");
    }

    [Fact]
    public void Points_are_marked_where_they_are()
    {
        var points = new List<(double Row, double Column)> { (10, 10), (60, 80), (110, 150) };
        var figure = MapFigure.Create(new double[120, 160], Axes, "points").AddPointsAtPixels(points);
        using var image = RenderedImage.Render(figure);

        var pixels = points.Select(p => figure.PixelOf(Axes.XUm(p.Column), Axes.YUm(p.Row))).ToList();
        Assert.All(pixels, p => Assert.True(image.AnyNear(p.X, p.Y, 2, Colours.Cyan)));
        Assert.All(image.Find(Colours.Cyan), c => Assert.Contains(pixels, p => Math.Abs(p.X - c.X) <= 5 && Math.Abs(p.Y - c.Y) <= 5));
    }

    [Fact]
    public void A_vertical_line_is_drawn_at_its_x_only()
    {
        var figure = MapFigure.Create(new double[120, 160], Axes, "line").AddVerticalLine(Axes.XUm(100), null);
        using var image = RenderedImage.Render(figure);

        var at = figure.PixelOf(Axes.XUm(100), Axes.YUm(60));
        Assert.True(image.AnyNear(at.X, at.Y, 2, Colours.Magenta));
        Assert.All(image.Find(Colours.Magenta), p => Assert.InRange(p.X, at.X - 3, at.X + 3));
    }

    [Fact]
    public void A_large_map_is_downsampled_for_display_but_keeps_its_geometry()
    {
        var map = CrossMap(brightRow: 300, brightColumn: 1700, rows: 2000, cols: 2000);
        for (var r = 296; r < 304; r++)
        {
            for (var c = 0; c < 2000; c++)
            {
                map[r, c] = 1;
            }
        }

        var axes = MapAxes.Square(1.3);
        var figure = MapFigure.Create(map, axes, "large");
        using var image = RenderedImage.Render(figure);

        Assert.Equal((2000, 2000), (figure.Rows, figure.Columns));
        var band = figure.PixelOf(axes.XUm(1000), axes.YUm(300));
        var elsewhere = figure.PixelOf(axes.XUm(1000), axes.YUm(1700));
        Assert.True(image.Brightness(band.X, band.Y) > 150);
        Assert.True(image.Brightness(elsewhere.X, elsewhere.Y) < 50);
    }
}
