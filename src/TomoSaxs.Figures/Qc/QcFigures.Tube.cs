namespace TomoSaxs.Figures;

public static partial class QcFigures
{
    /// <summary>
    /// The tube fit on a CT slice: the slice in grey, the edge points the fit used (cyan) and the fitted circle (red,
    /// drawn over the points).
    /// </summary>
    /// <param name="slice">CT slice [row, column].</param>
    /// <param name="voxelUm">CT voxel size in µm; the centre of pixel [r, c] is at (c · voxel, r · voxel) µm.</param>
    /// <param name="centreRow">Fitted centre, row index (fractional, pixel units).</param>
    /// <param name="centreColumn">Fitted centre, column index (fractional, pixel units).</param>
    /// <param name="radiusPx">Fitted radius in pixels.</param>
    /// <param name="edgePoints">Edge points as (row, column) indices; may be empty.</param>
    /// <param name="path">PNG file to write.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="size">Image size; default <see cref="FigureSize.Default"/>.</param>
    public static void TubeOnCt(
        float[,] slice, double voxelUm, double centreRow, double centreColumn, double radiusPx,
        IReadOnlyList<(double Row, double Column)> edgePoints, string path,
        string title = "Tube fit on a CT slice", FigureSize? size = null)
    {
        Guard.Path(path, nameof(path));
        BuildTubeOnCt(slice, voxelUm, centreRow, centreColumn, radiusPx, edgePoints, title).SavePng(path, size);
    }

    internal static MapFigure BuildTubeOnCt(
        float[,] slice, double voxelUm, double centreRow, double centreColumn, double radiusPx,
        IReadOnlyList<(double Row, double Column)> edgePoints, string title)
    {
        Guard.NotEmpty(slice, nameof(slice));
        Guard.PositiveFinite(voxelUm, nameof(voxelUm));
        Guard.Finite(centreRow, nameof(centreRow));
        Guard.Finite(centreColumn, nameof(centreColumn));
        Guard.PositiveFinite(radiusPx, nameof(radiusPx));
        ArgumentNullException.ThrowIfNull(edgePoints);
        return MapFigure.Create(slice, MapAxes.Square(voxelUm), title, "x (µm)", "y (µm, down)")
            .AddPointsAtPixels(edgePoints)
            .AddCircleAtPixel(centreRow, centreColumn, radiusPx);
    }

    /// <summary>
    /// The tube fit on the SAXS frame sums of one projection angle: the summed intensity across the raster, with the
    /// two fitted walls and the fitted centre as vertical lines.
    /// </summary>
    /// <param name="xUm">Raster positions in µm.</param>
    /// <param name="sums">Frame sum at each position (detector counts).</param>
    /// <param name="leftUm">Fitted left wall, µm.</param>
    /// <param name="rightUm">Fitted right wall, µm.</param>
    /// <param name="centreUm">Fitted centre, µm.</param>
    /// <param name="title">Figure title, e.g. naming the angle.</param>
    /// <param name="path">PNG file to write.</param>
    /// <param name="size">Image size; default <see cref="FigureSize.Default"/>.</param>
    public static void TubeOnFrameSums(
        double[] xUm, double[] sums, double leftUm, double rightUm, double centreUm, string title, string path,
        FigureSize? size = null)
    {
        Guard.Path(path, nameof(path));
        BuildTubeOnFrameSums(xUm, sums, leftUm, rightUm, centreUm, title).SavePng(path, size);
    }

    internal static ProfileFigure BuildTubeOnFrameSums(
        double[] xUm, double[] sums, double leftUm, double rightUm, double centreUm, string title)
    {
        Guard.NotEmpty(xUm, nameof(xUm));
        Guard.NotEmpty(sums, nameof(sums));
        Guard.SameLength(xUm, nameof(xUm), sums, nameof(sums));
        Guard.Finite(leftUm, nameof(leftUm));
        Guard.Finite(rightUm, nameof(rightUm));
        Guard.Finite(centreUm, nameof(centreUm));
        return new ProfileFigure(title, "raster position x (µm)", "frame sum (counts)")
            .AddProfile(xUm, sums, null)
            .AddMarkerLine(leftUm, "left wall")
            .AddMarkerLine(rightUm, "right wall")
            .AddMarkerLine(centreUm, "centre", MarkerLineKind.Centre);
    }
}
