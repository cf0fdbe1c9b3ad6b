using TomoSaxs.TestSupport;

namespace TomoSaxs.Figures.Tests;

public sealed class QcFiguresTests
{
    private static readonly FigureSize Small = new(640, 480);

    private static double[,] Ramp(int rows, int cols)
    {
        var map = new double[rows, cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                map[r, c] = r + c;
            }
        }

        return map;
    }

    private static readonly (double TopUm, double BottomUm, string Label)[] Slices = [(50, 70, "slice 0"), (150, 170, "slice 1")];

    [Fact]
    public void Every_figure_is_written_as_a_png_of_the_stated_size()
    {
        using var folder = new TemporaryDirectory();
        var x = Enumerable.Range(0, 50).Select(i => i * 20.0).ToArray();
        QcFigures.CtMapWithSlices(Ramp(200, 150), 1.3, Slices, folder.File("ct.png"), size: Small);
        QcFigures.VerticalMatch(Ramp(20, 15), new MapAxes(20, 15), Ramp(200, 150), 1.3, 40, folder.File("match.png"));
        QcFigures.TubeOnCt(new float[100, 120], 1.3, 50, 60, 30, [(20, 60), (80, 60)], folder.File("tube.png"), size: Small);
        QcFigures.TubeOnFrameSums(x, x.Select(v => v * v).ToArray(), 200, 800, 500, "angle 0°", folder.File("sums.png"), Small);
        QcFigures.FibreProjection(x, x, x.Select(v => (int)v / 100).ToArray(), [100, 300, 500], 500, 500, 400, "angle 0°", folder.File("fibres.png"), Small);

        foreach (var name in new[] { "ct.png", "tube.png", "sums.png", "fibres.png" })
        {
            using var image = RenderedImage.Load(folder.File(name));
            Assert.Equal((640, 480), (image.Width, image.Height));
        }

        using var match = RenderedImage.Load(folder.File("match.png"));
        Assert.Equal((FigureSize.Wide.WidthPx, FigureSize.Wide.HeightPx), (match.Width, match.Height));
        Assert.Equal(5, Directory.GetFiles(folder.Path).Length);
    }

    [Fact]
    public void Ct_map_bands_lie_at_the_slice_heights()
    {
        var figure = QcFigures.BuildCtMapWithSlices(Ramp(200, 150), 1.3, Slices, "t");
        using var image = RenderedImage.Render(figure);

        foreach (var (top, bottom, _) in Slices)
        {
            var topPixel = figure.PixelOf(100, top);
            var bottomPixel = figure.PixelOf(100, bottom);
            Assert.True(image.AnyNear(topPixel.X, topPixel.Y, 2, Colours.Orange));
            Assert.True(image.AnyNear(bottomPixel.X, bottomPixel.Y, 2, Colours.Orange));
        }

        Assert.All(image.Find(Colours.Orange), p => Assert.Contains(Slices, s => p.Y >= figure.PixelOf(0, s.TopUm).Y - 3 && p.Y <= figure.PixelOf(0, s.BottomUm).Y + 3));
    }

    [Fact]
    public void Vertical_match_marks_the_ct_top_and_bottom_on_the_waxs_map()
    {
        var figure = QcFigures.BuildVerticalMatch(Ramp(20, 15), new MapAxes(20, 15), Ramp(100, 150), 1.5, offsetUm: 60, "t");
        using var image = RenderedImage.Render(figure, 1200, 700);

        var ctTop = 60 - 0.75;
        var ctBottom = 60 + 99.5 * 1.5;
        var top = figure.Left.PixelOf(150, ctTop);
        var bottom = figure.Left.PixelOf(150, ctBottom);
        Assert.True(image.AnyNear(top.X, top.Y, 2, Colours.Orange));
        Assert.True(image.AnyNear(bottom.X, bottom.Y, 2, Colours.Orange));
        Assert.Equal(top.Y, figure.Right.PixelOf(100, ctTop).Y, 1.0);
    }

    [Fact]
    public void Tube_on_ct_draws_the_fitted_circle_and_the_edge_points()
    {
        var edges = new List<(double Row, double Column)> { (10, 10), (90, 110) };
        var figure = QcFigures.BuildTubeOnCt(new float[100, 120], 2.0, centreRow: 50, centreColumn: 60, radiusPx: 30, edges, "t");
        using var image = RenderedImage.Render(figure);

        var centre = figure.PixelOf(120, 100);
        var right = figure.PixelOf(180, 100);
        var radius = right.X - centre.X;
        Assert.True(image.AnyNear(right.X, right.Y, 3, Colours.Red));
        Assert.All(image.Find(Colours.Red), p => Assert.InRange(Math.Sqrt(Math.Pow(p.X - centre.X, 2) + Math.Pow(p.Y - centre.Y, 2)), radius - 4, radius + 4));
        foreach (var (row, column) in edges)
        {
            var p = figure.PixelOf(column * 2.0, row * 2.0);
            Assert.True(image.AnyNear(p.X, p.Y, 2, Colours.Cyan), $"no edge point at ({row}, {column})");
        }
    }

    [Fact]
    public void Frame_sums_show_walls_and_centre()
    {
        var x = Enumerable.Range(0, 50).Select(i => i * 20.0).ToArray();
        var figure = QcFigures.BuildTubeOnFrameSums(x, x.Select(v => 1000 + v).ToArray(), 200, 800, 500, "angle 30°");
        using var image = RenderedImage.Render(figure);

        // Lines and their labels (boxes in the line's colour, centred on it, at most 60 px either side).
        Assert.All(image.Find(Colours.Magenta), p => Assert.True(Math.Abs(p.X - figure.PixelOf(200, 0).X) <= 60 || Math.Abs(p.X - figure.PixelOf(800, 0).X) <= 60));
        Assert.All(image.Find(Colours.Green), p => Assert.InRange(p.X, figure.PixelOf(500, 0).X - 60, figure.PixelOf(500, 0).X + 60));
        var wall = figure.PixelOf(200, 1500);
        Assert.True(image.AnyNear(wall.X, wall.Y, 2, Colours.Magenta));
    }

    [Fact]
    public void Fibre_projection_draws_one_line_per_path_edge_and_the_tube()
    {
        var x = Enumerable.Range(0, 200).Select(i => 300 + 400 * Math.Cos(i * 0.1) * (i % 10) / 10).ToArray();
        var along = Enumerable.Range(0, 200).Select(i => 400 * Math.Sin(i * 0.1) * (i % 10) / 10).ToArray();
        var ids = Enumerable.Range(0, 200).Select(i => i % 5 - 1).ToArray();
        double[] edges = [-50, 150, 350];
        var figure = QcFigures.BuildFibreProjection(x, along, ids, edges, 300, 0, 450, "t");
        using var image = RenderedImage.Render(figure);

        var magenta = image.Find(Colours.Magenta);
        foreach (var edge in edges)
        {
            var p = figure.PixelOf(edge, 0);
            Assert.Contains(magenta, m => Math.Abs(m.X - p.X) <= 2);
        }

        Assert.All(magenta, m => Assert.Contains(edges, e => Math.Abs(m.X - figure.PixelOf(e, 0).X) <= 3));
        var tubeTop = figure.PixelOf(300, 450);
        Assert.True(image.AnyNear(tubeTop.X, tubeTop.Y, 3, Colours.Red));
    }

    [Fact]
    public void A_written_figure_replaces_the_old_file_whole_and_leaves_no_temporary_file()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("tube.png");
        File.WriteAllText(path, "an older figure");

        QcFigures.TubeOnCt(new float[40, 40], 1, 20, 20, 10, [], path, size: Small);

        using var image = RenderedImage.Load(path);
        Assert.Equal((640, 480), (image.Width, image.Height));
        Assert.Equal([path], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void A_bad_argument_is_refused_before_anything_is_written()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("tube.png");
        File.WriteAllText(path, "an older figure");

        var error = Assert.Throws<ArgumentException>("radiusPx", () => QcFigures.TubeOnCt(new float[40, 40], 1, 20, 20, double.NaN, [], path));
        Assert.Contains("radiusPx", error.Message);
        Assert.Equal("an older figure", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Bad_arguments_give_argument_exceptions_naming_them()
    {
        var path = Path.Combine(Path.GetTempPath(), "never-written.png");
        Assert.Throws<ArgumentException>("map", () => QcFigures.CtMapWithSlices(new double[0, 5], 1.3, Slices, path));
        Assert.Throws<ArgumentException>("voxelUm", () => QcFigures.CtMapWithSlices(Ramp(5, 5), 0, Slices, path));
        Assert.Throws<ArgumentException>("slices", () => QcFigures.CtMapWithSlices(Ramp(5, 5), 1, [(double.NaN, 2, "s")], path));
        Assert.Throws<ArgumentException>("path", () => QcFigures.CtMapWithSlices(Ramp(5, 5), 1, Slices, " "));
        Assert.Throws<ArgumentException>("waxsAxes.RowStepUm", () => QcFigures.VerticalMatch(Ramp(5, 5), new MapAxes(1, -1), Ramp(5, 5), 1, 0, path));
        Assert.Throws<ArgumentException>("offsetUm", () => QcFigures.VerticalMatch(Ramp(5, 5), new MapAxes(1, 1), Ramp(5, 5), 1, double.PositiveInfinity, path));
        Assert.Throws<ArgumentException>("slice", () => QcFigures.TubeOnCt(new float[5, 0], 1, 2, 2, 1, [], path));
        Assert.Throws<ArgumentException>("centreRow", () => QcFigures.TubeOnCt(new float[5, 5], 1, double.NaN, 2, 1, [], path));
        Assert.Throws<ArgumentException>("xUm", () => QcFigures.TubeOnFrameSums([], [], 0, 1, 0.5, "t", path));
        Assert.Throws<ArgumentException>("sums", () => QcFigures.TubeOnFrameSums([1, 2], [1], 0, 1, 0.5, "t", path));
        Assert.Throws<ArgumentException>("leftUm", () => QcFigures.TubeOnFrameSums([1, 2], [1, 2], double.NaN, 1, 0.5, "t", path));
        Assert.Throws<ArgumentException>("pathEdgesUm", () => QcFigures.FibreProjection([1], [1], [0], [], 0, 0, 1, "t", path));
        Assert.Throws<ArgumentException>("tubeRadiusUm", () => QcFigures.FibreProjection([1], [1], [0], [0], 0, 0, double.NaN, "t", path));
        Assert.Throws<ArgumentException>("fibreIds", () => QcFigures.FibreProjection([1, 2], [1, 2], [0], [0], 0, 0, 1, "t", path));
        Assert.Throws<ArgumentException>("alongBeamUm", () => QcFigures.FibreProjection([1, 2], [1], [0, 0], [0], 0, 0, 1, "t", path));
        Assert.Throws<ArgumentException>("rasterXUm", () => QcFigures.FibreProjection([], [], [], [0], 0, 0, 1, "t", path));
        Assert.Throws<ArgumentException>("ctMap", () => QcFigures.VerticalMatch(Ramp(5, 5), new MapAxes(1, 1), new double[0, 0], 1, 0, path));
        Assert.Throws<ArgumentException>("size", () => QcFigures.TubeOnCt(new float[5, 5], 1, 2, 2, 1, [], path, size: new FigureSize(10, 10)));
        Assert.False(File.Exists(path));
    }
}
