namespace TomoSaxs.Figures.Tests;

public sealed class ProfileFigureTests
{
    private static readonly double[] X = Enumerable.Range(0, 101).Select(i => i * 10.0).ToArray();
    private static readonly double[] Sums = X.Select(x => x is > 200 and < 800 ? 1000.0 : 100.0).ToArray();

    [Fact]
    public void Marker_lines_stand_at_their_x_in_their_colours()
    {
        var figure = new ProfileFigure("sums", "x (µm)", "counts")
            .AddProfile(X, Sums, null)
            .AddMarkerLine(200, null)
            .AddMarkerLine(800, null)
            .AddMarkerLine(500, null, MarkerLineKind.Centre);
        using var image = RenderedImage.Render(figure);

        var left = figure.PixelOf(200, 550);
        var right = figure.PixelOf(800, 550);
        var centre = figure.PixelOf(500, 300);
        Assert.True(image.AnyNear(left.X, left.Y, 2, Colours.Magenta));
        Assert.True(image.AnyNear(right.X, right.Y, 2, Colours.Magenta));
        Assert.All(image.Find(Colours.Magenta), p => Assert.True(Math.Abs(p.X - left.X) <= 3 || Math.Abs(p.X - right.X) <= 3, $"magenta at x = {p.X}"));

        // The centre line is dashed: look along a stretch of it.
        Assert.Contains(Enumerable.Range(0, 20), k => image.AnyNear(centre.X, centre.Y + k * 2, 2, Colours.Green));
        Assert.All(image.Find(Colours.Green), p => Assert.InRange(p.X, centre.X - 3, centre.X + 3));
    }

    [Fact]
    public void The_profile_passes_through_its_points()
    {
        var figure = new ProfileFigure("sums", "x (µm)", "counts").AddProfile(X, Sums, "angle 0°");
        using var image = RenderedImage.Render(figure);

        var colour = Colours.Near(FigureColours.Profiles[0], 60);
        foreach (var i in new[] { 5, 50, 95 })
        {
            var p = figure.PixelOf(X[i], Sums[i]);
            Assert.True(image.AnyNear(p.X, p.Y, 2, colour), $"the profile misses point {i}");
        }

        var empty = figure.PixelOf(500, 550);
        Assert.False(image.AnyNear(empty.X, empty.Y, 10, colour), "line drawn where there is no data");
    }

    [Fact]
    public void Mismatched_or_empty_profiles_are_refused()
    {
        var figure = new ProfileFigure("t", "x", "y");
        Assert.Throws<ArgumentException>("y", () => figure.AddProfile([1, 2, 3], [1, 2], null));
        Assert.Throws<ArgumentException>("x", () => figure.AddProfile([], [], null));
        Assert.Throws<ArgumentException>("x", () => figure.AddMarkerLine(double.NaN, null));
    }
}
