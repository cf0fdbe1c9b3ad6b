namespace TomoSaxs.Figures.Tests;

public sealed class LabelScatterFigureTests
{
    /// <summary>Two clusters: label 0 around (100, 0), label 1 around (300, 0), 400 points each.</summary>
    private static (double[] X, double[] Y, int[] Labels) TwoClusters()
    {
        var x = new List<double>();
        var y = new List<double>();
        var labels = new List<int>();
        for (var label = 0; label < 2; label++)
        {
            for (var k = 0; k < 400; k++)
            {
                x.Add(100 + 200 * label + 10 * Math.Cos(k));
                y.Add(10 * Math.Sin(k * 1.7));
                labels.Add(label);
            }
        }

        return (x.ToArray(), y.ToArray(), labels.ToArray());
    }

    [Fact]
    public void Points_take_the_colour_of_their_label_and_overlays_sit_where_they_should()
    {
        var (x, y, labels) = TwoClusters();
        var figure = new LabelScatterFigure(x, y, labels, "fibres", "x (µm)", "along beam (µm)")
            .AddVerticalLine(200, null)
            .AddCircle(200, 0, 150);
        using var image = RenderedImage.Render(figure);

        var first = figure.PixelOf(100, 0);
        var second = figure.PixelOf(300, 0);
        var colour0 = Colours.Near(FigureColours.ForLabel(0), 20);
        var colour1 = Colours.Near(FigureColours.ForLabel(1), 20);
        Assert.True(image.AnyNear(first.X, first.Y, 15, colour0));
        Assert.False(image.AnyNear(first.X, first.Y, 15, colour1));
        Assert.True(image.AnyNear(second.X, second.Y, 15, colour1));
        Assert.False(image.AnyNear(second.X, second.Y, 15, colour0));

        var line = figure.PixelOf(200, 100);
        Assert.True(image.AnyNear(line.X, line.Y, 2, Colours.Magenta));
        Assert.All(image.Find(Colours.Magenta), p => Assert.InRange(p.X, line.X - 3, line.X + 3));

        var centre = figure.PixelOf(200, 0);
        var radius = figure.PixelOf(350, 0).X - centre.X;
        var top = figure.PixelOf(200, 150);
        Assert.True(Math.Abs(centre.Y - top.Y - radius) < 2, "µm are not square on screen");
        Assert.True(image.AnyNear(top.X + 5, top.Y, 3, Colours.Red));
        Assert.All(image.Find(Colours.Red), p => Assert.InRange(Math.Sqrt(Math.Pow(p.X - centre.X, 2) + Math.Pow(p.Y - centre.Y, 2)), radius - 4, radius + 4));
    }

    [Fact]
    public void A_million_points_are_thinned_evenly_and_still_render()
    {
        const int count = 1_000_000;
        var x = new double[count];
        var y = new double[count];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = i % 1000;
            y[i] = i / 1000;
            labels[i] = x[i] < 500 ? 3 : -1;
        }

        var figure = new LabelScatterFigure(x, y, labels, "many", "x", "y");
        using var image = RenderedImage.Render(figure, 400, 300);
        Assert.Equal((400, 300), (image.Width, image.Height));
        var labelled = figure.PixelOf(250, 500);
        var unlabelled = figure.PixelOf(750, 500);
        Assert.True(image.AnyNear(labelled.X, labelled.Y, 1, Colours.Near(FigureColours.ForLabel(3), 20)));
        Assert.True(image.AnyNear(unlabelled.X, unlabelled.Y, 1, Colours.Near(FigureColours.Unlabelled, 20)));
    }

    [Fact]
    public void Arrays_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>("labels", () => new LabelScatterFigure([1, 2], [1, 2], [1], "t", "x", "y"));
        Assert.Throws<ArgumentException>("y", () => new LabelScatterFigure([1, 2], [1], [1, 2], "t", "x", "y"));
        Assert.Throws<ArgumentException>("x", () => new LabelScatterFigure([], [], [], "t", "x", "y"));
    }
}
