using ScottPlot;

namespace TomoSaxs.Figures;

/// <summary>
/// One or more profiles y(x) drawn as lines, with vertical marker lines (e.g. the two tube walls and the centre on
/// the SAXS frame sums). Methods return the figure, so calls can be chained.
/// </summary>
public sealed class ProfileFigure : PlotFigure
{
    private int _profiles;

    /// <summary>Starts an empty profile plot.</summary>
    public ProfileFigure(string title, string xLabel, string yLabel)
        : base(title, xLabel, yLabel)
    {
    }

    /// <summary>Adds a profile: <paramref name="y"/>[i] at <paramref name="x"/>[i]. Non-finite values leave gaps.</summary>
    /// <exception cref="ArgumentException">The arrays are empty or of different lengths.</exception>
    public ProfileFigure AddProfile(double[] x, double[] y, string? label)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.NotEmpty(y, nameof(y));
        Guard.SameLength(x, nameof(x), y, nameof(y));
        var colour = FigureColours.Profiles[_profiles++ % FigureColours.Profiles.Length];
        var pick = Downsampling.EvenIndices(x.Length);
        var line = Plot.Add.ScatterLine(pick.Select(i => x[i]).ToArray(), pick.Select(i => y[i]).ToArray(), colour);
        line.LineWidth = 1.5f;
        if (!string.IsNullOrEmpty(label))
        {
            line.LegendText = label;
            Plot.ShowLegend(Alignment.UpperRight);
        }

        return this;
    }

    /// <summary>Draws a vertical line at <paramref name="x"/> (axis units), coloured by <paramref name="kind"/> and labelled at the axis.</summary>
    public ProfileFigure AddMarkerLine(double x, string? label, MarkerLineKind kind = MarkerLineKind.Boundary)
    {
        Guard.Finite(x, nameof(x));
        var line = kind == MarkerLineKind.Centre
            ? Plot.Add.VerticalLine(x, 2, FigureColours.Centre, LinePattern.Dashed)
            : Plot.Add.VerticalLine(x, 2, FigureColours.Vertical);
        if (!string.IsNullOrEmpty(label))
        {
            line.Text = label;
            line.LabelOppositeAxis = true;
        }

        return this;
    }
}
