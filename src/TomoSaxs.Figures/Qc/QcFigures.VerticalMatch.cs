namespace TomoSaxs.Figures;

public static partial class QcFigures
{
    /// <summary>
    /// The WAXS map and the CT map side by side on one vertical axis, the CT map shifted by the vertical offset the
    /// registration found, so that features at the same height line up. The WAXS panel marks where the CT map's top
    /// and bottom fall.
    /// </summary>
    /// <param name="waxsMap">WAXS map [row, column] (e.g. integrated intensity per raster point); rows are heights, down.</param>
    /// <param name="waxsAxes">WAXS raster steps and origin in µm.</param>
    /// <param name="ctMap">CT map [row, column]; rows are heights, down.</param>
    /// <param name="ctVoxelUm">CT voxel size in µm.</param>
    /// <param name="offsetUm">Height in the WAXS frame, in µm, of the centre of CT row 0.</param>
    /// <param name="path">PNG file to write.</param>
    /// <param name="title">Text above the WAXS panel.</param>
    /// <param name="size">Image size; default <see cref="FigureSize.Wide"/>.</param>
    public static void VerticalMatch(
        double[,] waxsMap, MapAxes waxsAxes, double[,] ctMap, double ctVoxelUm, double offsetUm, string path,
        string title = "WAXS/CT vertical match", FigureSize? size = null)
    {
        Guard.Path(path, nameof(path));
        BuildVerticalMatch(waxsMap, waxsAxes, ctMap, ctVoxelUm, offsetUm, title).SavePng(path, size);
    }

    internal static SidePanelsFigure BuildVerticalMatch(
        double[,] waxsMap, MapAxes waxsAxes, double[,] ctMap, double ctVoxelUm, double offsetUm, string title)
    {
        Guard.NotEmpty(waxsMap, nameof(waxsMap));
        waxsAxes.Validate(nameof(waxsAxes));
        Guard.NotEmpty(ctMap, nameof(ctMap));
        Guard.PositiveFinite(ctVoxelUm, nameof(ctVoxelUm));
        Guard.Finite(offsetUm, nameof(offsetUm));
        var ctAxes = MapAxes.Square(ctVoxelUm, 0, offsetUm);
        var ct = MapFigure.Create(ctMap, ctAxes, $"CT map, shifted by {offsetUm:0.#} µm", "x (µm)", "height (µm, WAXS frame, down)");
        var waxs = MapFigure.Create(waxsMap, waxsAxes, title, "x (µm)", "height (µm, WAXS frame, down)")
            .AddHorizontalLine(ctAxes.TopUm, "CT top")
            .AddHorizontalLine(ctAxes.BottomUm(ctMap.GetLength(0)), "CT bottom");
        return new SidePanelsFigure(waxs, ct);
    }
}
