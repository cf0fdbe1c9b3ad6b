namespace TomoSaxs.Figures;

/// <summary>
/// The QC figures of the Calibrate and Register stages, from plain arrays and numbers. Each writes one PNG through a
/// temporary file renamed into place, and checks its arguments before writing anything (an
/// <see cref="ArgumentException"/> leaves an older figure untouched). See docs/figures.md.
/// </summary>
public static partial class QcFigures
{
    /// <summary>
    /// The CT map (rows down, square voxels) with the SAXS slices shaded as horizontal bands and labelled.
    /// </summary>
    /// <param name="map">CT map [row, column], e.g. a vertical section or projection; row 0 at the top.</param>
    /// <param name="voxelUm">CT voxel size in µm; the centre of pixel [r, c] is at (c · voxel, r · voxel) µm.</param>
    /// <param name="slices">Each SAXS slice's top and bottom height in µm (same frame as the rows) and its label.</param>
    /// <param name="path">PNG file to write.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="size">Image size; default <see cref="FigureSize.Default"/>.</param>
    public static void CtMapWithSlices(
        double[,] map, double voxelUm, IReadOnlyList<(double TopUm, double BottomUm, string Label)> slices, string path,
        string title = "CT map with SAXS slice heights", FigureSize? size = null)
    {
        Guard.Path(path, nameof(path));
        BuildCtMapWithSlices(map, voxelUm, slices, title).SavePng(path, size);
    }

    internal static MapFigure BuildCtMapWithSlices(
        double[,] map, double voxelUm, IReadOnlyList<(double TopUm, double BottomUm, string Label)> slices, string title)
    {
        Guard.NotEmpty(map, nameof(map));
        Guard.PositiveFinite(voxelUm, nameof(voxelUm));
        ArgumentNullException.ThrowIfNull(slices);
        foreach (var (top, bottom, _) in slices)
        {
            Guard.Finite(top, nameof(slices));
            Guard.Finite(bottom, nameof(slices));
        }
        var figure = MapFigure.Create(map, MapAxes.Square(voxelUm), title, "x (µm)", "height z (µm, down)");
        foreach (var (top, bottom, label) in slices)
        {
            figure.AddBand(top, bottom, label);
        }

        return figure;
    }
}
