namespace TomoSaxs.Figures.Tests;

public sealed class SidePanelsFigureTests
{
    /// <summary>A dark map with bright rows from <paramref name="firstBright"/> to <paramref name="lastBright"/>.</summary>
    private static double[,] MapWithBrightRows(int rows, int cols, int firstBright, int lastBright)
    {
        var map = new double[rows, cols];
        for (var r = firstBright; r <= lastBright; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                map[r, c] = 1;
            }
        }

        return map;
    }

    [Fact]
    public void Both_panels_share_one_vertical_axis()
    {
        // Left: 50 rows of 40 µm from 0 µm, bright row 25 (1000 µm). Right: 600 rows of 2 µm from 700 µm, bright
        // rows 140–160 (980–1020 µm; a single 2 µm row would be thinner than a screen pixel).
        var leftAxes = new MapAxes(50, 40);
        var rightAxes = MapAxes.Square(2, 0, 700);
        var left = MapFigure.Create(MapWithBrightRows(50, 30, 25, 25), leftAxes, "WAXS");
        var right = MapFigure.Create(MapWithBrightRows(600, 500, 140, 160), rightAxes, "CT");
        var figure = new SidePanelsFigure(left, right);
        using var image = RenderedImage.Render(figure, 1000, 600);

        Assert.Equal((1000, 600), (image.Width, image.Height));
        var leftPixel = left.PixelOf(leftAxes.XUm(15), 1000);
        var rightPixel = right.PixelOf(rightAxes.XUm(250), 1000);
        Assert.True(leftPixel.X < 500 && rightPixel.X > 500, "panels are not side by side");
        Assert.True(Math.Abs(leftPixel.Y - rightPixel.Y) < 1.5, $"1000 µm is at y = {leftPixel.Y} on the left but {rightPixel.Y} on the right");
        Assert.True(image.Brightness(leftPixel.X, leftPixel.Y) > 150);
        Assert.True(image.Brightness(rightPixel.X, rightPixel.Y) > 150);

        // The shared range is the union: the left map's top (−20 µm) and the right map's top edge both fit.
        var leftTop = left.PixelOf(leftAxes.XUm(15), leftAxes.TopUm);
        var rightTop = right.PixelOf(rightAxes.XUm(250), rightAxes.TopUm);
        Assert.True(rightTop.Y > leftTop.Y + 50, "the right panel's map should start lower than the left's");
    }
}
