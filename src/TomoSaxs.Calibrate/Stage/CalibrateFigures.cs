using System.Globalization;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Figures;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>
/// The QC figures of Calibrate (docs/calibrate.md, "QC figures"), written to <c>calibrate/qc/</c>: the CT map with
/// the high-res region marked, and the tube fit on the CT slice at the middle of the top, middle and
/// bottom tube slab. They are side products, not build outputs. All axes are µm in the calibrated frame (pixel
/// (r, c) centred at ((r + ½)·v, (c + ½)·v) µm from the CT's corner).
/// </summary>
public static class CalibrateFigures
{
    /// <summary>The folder name under <c>calibrate/</c>.</summary>
    public const string FolderName = "qc";

    /// <summary>The CT map figure's file name.</summary>
    public const string CtMapFile = "ct_map.png";

    /// <summary>The file name of the tube figure of slab <paramref name="slab"/> (index into the tube slabs).</summary>
    public static string TubeFile(int slab) => string.Create(CultureInfo.InvariantCulture, $"tube_slab_{slab:00}.png");

    /// <summary>The tube slabs drawn: the first, the middle and the last (fewer when there are fewer slabs).</summary>
    public static IReadOnlyList<int> TubeSlabsDrawn(int slabs) => [.. new[] { 0, slabs / 2, slabs - 1 }.Where(k => k >= 0).Distinct()];

    /// <summary>The QC folder beside the outputs of <paramref name="outputs"/>.</summary>
    public static string Folder(CalibrateOutputs outputs) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputs.Calibration))!, FolderName);

    /// <summary>Writes every figure into <paramref name="folder"/> (created if needed).</summary>
    /// <param name="folder">Target folder, normally <see cref="Folder"/>.</param>
    /// <param name="result">The calibration (CT map, high-res region, tube circles).</param>
    /// <param name="combined">The combined CT on the common voxel, read slab by slab.</param>
    /// <param name="log">Receives one line per figure written.</param>
    /// <returns>The files written.</returns>
    /// <exception cref="InvalidOperationException">A figure could not be rendered or written (e.g. no font on the
    /// machine); the message names the figure and <c>calibrate.qc_figures</c>.</exception>
    public static IReadOnlyList<string> Write(string folder, CalibrationResult result, ISlabReader<float> combined, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(combined);
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var voxel = result.CommonVoxelUm;
        var axes = MapAxes.Square(voxel, voxel / 2, voxel / 2);

        var mapPath = Path.Combine(folder, CtMapFile);
        Save(mapPath, () => CtMap(result));
        written.Add(mapPath);

        foreach (var k in TubeSlabsDrawn(result.Tube.Count))
        {
            var slab = result.Tube[k];
            var path = Path.Combine(folder, TubeFile(k));
            Save(path, () => TubeOnSlice(combined, slab, k, axes));
            written.Add(path);
        }

        log($"QC figures: {written.Count} PNG in {folder}");
        return written;
    }

    /// <summary>The CT map figure: the map in the calibrated frame with the high-res region's slices as a band and its
    /// columns between two vertical lines.</summary>
    internal static MapFigure CtMap(CalibrationResult result)
    {
        var voxel = result.CommonVoxelUm;
        var figure = MapFigure.Create(result.CtMap, MapAxes.Square(voxel, voxel / 2, voxel / 2),
            "Calibrate: inverted summed CT map", "x along the raster, CT columns (µm)", "height z below the CT top (µm, down)");
        var region = result.HighResRegion;
        if (!region.IsEmpty)
        {
            // The high-res box seen from the side: its slices as a band, its columns between two boundary lines.
            figure.AddBand(region.Z0 * voxel, region.Z1 * voxel, "high-res z")
                .AddVerticalLine(region.X0 * voxel, "high-res x")
                .AddVerticalLine(region.X1 * voxel, null);
        }

        return figure;
    }

    /// <summary>The tube figure of one slab: its middle slice with the edge points found along rays from the fitted
    /// centre (cyan) and the fitted or pinned circle (red).</summary>
    internal static MapFigure TubeOnSlice(ISlabReader<float> combined, TubeSlab slab, int index, MapAxes axes)
    {
        var voxels = combined.ReadSlab(slab.ZStart, slab.ZEnd);
        var middle = (slab.ZEnd - slab.ZStart - 1) / 2;
        var (rows, columns) = (voxels.GetLength(1), voxels.GetLength(2));
        var slice = new float[rows, columns];
        Buffer.BlockCopy(voxels, middle * rows * columns * sizeof(float), slice, 0, rows * columns * sizeof(float));
        var circle = slab.Circle;
        var options = new TubeSearchOptions();
        IReadOnlyList<(double Row, double Column)> points;
        try
        {
            var found = TubeEdgeRays.Find(voxels, middle, (circle.CentreRow, circle.CentreCol), AirThreshold.Of(voxels), options);
            points = [.. TubeEdgeRays.OutsideIsAir(found, options.AirTolerance).Select(p => (p.Row, p.Col))];
        }
        catch (ArgumentException)
        {
            // A slab with a single grey value has no threshold and so no edge points: the circle alone is drawn.
            points = [];
        }

        var title = string.Create(CultureInfo.InvariantCulture,
            $"Calibrate: tube slab {index} (CT slices {slab.ZStart}–{slab.ZEnd - 1}), slice {slab.ZStart + middle}; " +
            $"{circle.Source.ToString().ToLowerInvariant()} circle r = {circle.RadiusPx * axes.ColumnStepUm:F0} µm, RMS {circle.RmsPx:F2} px");
        return MapFigure.Create(slice, axes, title, "x along CT columns (µm)", "y along CT rows, the beam at the map angle (µm, down)")
            .AddPointsAtPixels(points)
            .AddCircleAtPixel(circle.CentreRow, circle.CentreCol, circle.RadiusPx);
    }

    private static void Save(string path, Func<Figure> build)
    {
        try
        {
            build().SavePng(path);
        }
        catch (Exception problem) when (problem is InvalidOperationException or ArgumentException or IOException)
        {
            throw new InvalidOperationException(
                $"The QC figure '{path}' could not be written: {problem.Message} Set calibrate.qc_figures=false to run the stage without its figures.",
                problem);
        }
    }
}
