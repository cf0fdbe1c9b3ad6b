using ScottPlot;

namespace TomoSaxs.Figures;

/// <summary>
/// 2-D points coloured by an integer label (e.g. fibre ids; negative = no label, light grey), with vertical lines
/// (beam-path edges) and circles (the tube) on top. At most 200 000 points are drawn, chosen evenly through the
/// input so the picture is the same on every run. Methods return the figure, so calls can be chained.
/// </summary>
public sealed class LabelScatterFigure : PlotFigure
{
    /// <summary>Draws the points (<paramref name="x"/>[i], <paramref name="y"/>[i]) in the colour of <paramref name="labels"/>[i].</summary>
    /// <exception cref="ArgumentException">The arrays are empty or of different lengths.</exception>
    public LabelScatterFigure(double[] x, double[] y, int[] labels, string title, string xLabel, string yLabel)
        : base(title, xLabel, yLabel)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.SameLength(x, nameof(x), y, nameof(y));
        Guard.SameLength(x, nameof(x), labels, nameof(labels));
        var byColour = new Dictionary<Color, (List<double> X, List<double> Y)>();
        foreach (var i in Downsampling.EvenIndices(x.Length))
        {
            var colour = FigureColours.ForLabel(labels[i]);
            if (!byColour.TryGetValue(colour, out var group))
            {
                group = ([], []);
                byColour[colour] = group;
            }

            group.X.Add(x[i]);
            group.Y.Add(y[i]);
        }

        // Unlabelled points first, so labelled ones are drawn over them.
        foreach (var (colour, group) in byColour.OrderBy(g => g.Key == FigureColours.Unlabelled ? 0 : 1))
        {
            Plot.Add.Plottable(new PointCloud(group.X.ToArray(), group.Y.ToArray(), colour, 2.5f));
        }
    }

    /// <summary>Draws a vertical line at <paramref name="x"/> (axis units), labelled at the axis when a label is given.</summary>
    public LabelScatterFigure AddVerticalLine(double x, string? label)
    {
        Guard.Finite(x, nameof(x));
        var line = Plot.Add.VerticalLine(x, 1.5f, FigureColours.Vertical);
        if (!string.IsNullOrEmpty(label))
        {
            line.Text = label;
            line.LabelOppositeAxis = true;
        }

        return this;
    }

    /// <summary>Draws a circle centred at (<paramref name="centreX"/>, <paramref name="centreY"/>) of radius <paramref name="radius"/> (axis units).</summary>
    public LabelScatterFigure AddCircle(double centreX, double centreY, double radius)
    {
        Guard.Finite(centreX, nameof(centreX));
        Guard.Finite(centreY, nameof(centreY));
        Guard.PositiveFinite(radius, nameof(radius));
        var circle = Plot.Add.Ellipse(centreX, centreY, radius, radius);
        circle.LineColor = FigureColours.Fit;
        circle.LineWidth = 2;
        circle.FillColor = Colors.Transparent;
        return this;
    }

    internal override void BeforeRender()
    {
        if (!_squareRuleAdded)
        {
            Plot.Axes.SquareUnits();
            _squareRuleAdded = true;
        }
    }

    private bool _squareRuleAdded;
}
