using ScottPlot;

namespace TomoSaxs.Figures;

/// <summary>
/// Overlay colours. Maps are grey, so every overlay is a saturated colour that cannot be mistaken for data (and that
/// tests can find in the image).
/// </summary>
internal static class FigureColours
{
    /// <summary>Slice bands and horizontal lines.</summary>
    public static readonly Color Band = Color.FromHex("#FF8C00");

    /// <summary>Fitted circles (the tube).</summary>
    public static readonly Color Fit = Color.FromHex("#FF0000");

    /// <summary>Points and markers (edge points).</summary>
    public static readonly Color Marker = Color.FromHex("#00E5FF");

    /// <summary>Vertical lines (beam-path boundaries, tube walls).</summary>
    public static readonly Color Vertical = Color.FromHex("#FF00FF");

    /// <summary>A second kind of vertical line (a centre).</summary>
    public static readonly Color Centre = Color.FromHex("#00B000");

    /// <summary>Profiles drawn as lines, in turn.</summary>
    public static readonly Color[] Profiles = [Color.FromHex("#1F3FBF"), Color.FromHex("#303030"), Color.FromHex("#8C564B"), Color.FromHex("#7F7F00")];

    /// <summary>
    /// Label colours for scatters coloured by an integer label: blues, greens, browns and greys, none close to the
    /// overlay colours above, so that overlays stay distinguishable on top of them.
    /// </summary>
    public static readonly Color[] Labels =
    [
        Color.FromHex("#1F77B4"), Color.FromHex("#2CA02C"), Color.FromHex("#9467BD"), Color.FromHex("#8C564B"),
        Color.FromHex("#17607F"), Color.FromHex("#6B8E23"), Color.FromHex("#4B4BA0"), Color.FromHex("#A0785A"),
    ];

    /// <summary>Points whose label is negative (no label).</summary>
    public static readonly Color Unlabelled = Color.FromHex("#B0B0B0");

    /// <summary>The colour of a label: negative labels are light grey, others cycle through <see cref="Labels"/>.</summary>
    public static Color ForLabel(int label) => label < 0 ? Unlabelled : Labels[label % Labels.Length];
}
