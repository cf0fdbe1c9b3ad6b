using System.Globalization;
using TomoSaxs.Figures;
using TomoSaxs.Register.Output;
using TomoSaxs.Register.Rotation;
using TomoSaxs.Register.Vertical;

namespace TomoSaxs.Register.Stage;

/// <summary>
/// The QC figures of Register (docs/register.md, "QC figures"), written to <c>register/qc/</c>: the CT map with every
/// SAXS slice's beam height, the WAXS/CT vertical match, and per angle the tube on the frame sums and the fibre
/// projection with the beam paths for one slice (<see cref="SliceDrawn"/>). They are side products, not build
/// outputs. CT axes are µm in the calibrated frame (pixel (r, c) centred at ((r + ½)·v, (c + ½)·v) µm from the CT's
/// corner); raster axes are motor µm.
/// </summary>
public static class RegisterFigures
{
    /// <summary>The folder name under <c>register/</c>.</summary>
    public const string FolderName = "qc";

    /// <summary>The CT map with the slices' beam heights.</summary>
    public const string CtMapFile = "ct_map_slices.png";

    /// <summary>The WAXS/CT vertical match.</summary>
    public const string VerticalMatchFile = "vertical_match.png";

    /// <summary>The file of the tube on the frame sums of one angle and slice.</summary>
    public static string TubeFile(int angle, int slice) => string.Create(CultureInfo.InvariantCulture, $"tube_angle_{angle:00}_slice_{slice:00}.png");

    /// <summary>The file of the fibre projection of one angle and slice.</summary>
    public static string FibresFile(int angle, int slice) => string.Create(CultureInfo.InvariantCulture, $"fibres_angle_{angle:00}_slice_{slice:00}.png");

    /// <summary>The QC folder beside <paramref name="registrationFile"/>.</summary>
    public static string Folder(string registrationFile) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(registrationFile))!, FolderName);

    /// <summary>The slice drawn per angle: the one nearest the middle slice whose beam meets the fibre volume (the
    /// middle slice when none does).</summary>
    public static int SliceDrawn(IReadOnlyList<SliceSlab> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var middle = slices.Count / 2;
        return Enumerable.Range(0, slices.Count)
            .OrderBy(j => Math.Abs(j - middle)).ThenBy(j => j)
            .Where(j => slices[j].FibreDepth > 0)
            .DefaultIfEmpty(middle)
            .First();
    }

    /// <summary>Each SAXS slice's beam height range in the CT (µm below the CT's top edge) with its label.</summary>
    public static IReadOnlyList<(double TopUm, double BottomUm, string Label)> SliceBands(RegistrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Slices.Select(s => (s.CtZStartUm, s.CtZEndUm, string.Create(CultureInfo.InvariantCulture, $"slice {s.Slice}")))];
    }

    /// <summary>The beam-path edges, motor µm: halfway between neighbouring raster positions, and half a step beyond
    /// the first and the last.</summary>
    public static double[] PathEdgesUm(IReadOnlyList<double> positionsUm)
    {
        ArgumentNullException.ThrowIfNull(positionsUm);
        var sorted = positionsUm.Order().ToArray();
        if (sorted.Length < 2)
        {
            return [.. sorted];
        }

        var edges = new double[sorted.Length + 1];
        for (var i = 1; i < sorted.Length; i++)
        {
            edges[i] = 0.5 * (sorted[i - 1] + sorted[i]);
        }

        edges[0] = sorted[0] - (edges[1] - sorted[0]);
        edges[^1] = sorted[^1] + (sorted[^1] - edges[^2]);
        return edges;
    }

    /// <summary>Writes every figure into <paramref name="folder"/> (created if needed): 2 + 2 per angle.</summary>
    /// <param name="folder">Target folder, normally <see cref="Folder"/>.</param>
    /// <param name="input">What the registration read (CT map, WAXS map, frame sums, fibre volumes).</param>
    /// <param name="result">The registration.</param>
    /// <param name="log">Receives a line per figure not drawn (no fibre in the slice) and a summary.</param>
    /// <returns>The files written.</returns>
    /// <exception cref="InvalidOperationException">A figure could not be rendered or written (e.g. no font on the
    /// machine); the message names the figure and <c>register.qc_figures</c>.</exception>
    public static IReadOnlyList<string> Write(string folder, RegistrationInput input, RegistrationResult result, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        void Save(string name, Func<Figure> build)
        {
            var path = Path.Combine(folder, name);
            try
            {
                build().SavePng(path);
            }
            catch (Exception problem) when (problem is InvalidOperationException or ArgumentException or IOException)
            {
                throw new InvalidOperationException(
                    $"The QC figure '{path}' could not be written: {problem.Message} Set register.qc_figures=false to run the stage without its figures.",
                    problem);
            }

            written.Add(path);
        }

        Save(CtMapFile, () => CtMapWithSlices(input, result));
        Save(VerticalMatchFile, () => VerticalMatch(input, result));
        var slice = SliceDrawn(result.Slices);
        var cloud = SliceCloud(input, result, slice);
        for (var k = 0; k < result.AnglesDeg.Count; k++)
        {
            var angle = k;
            Save(TubeFile(angle, slice), () => TubeOnFrameSums(input, result, angle, slice));
            if (cloud.Count > 0)
            {
                Save(FibresFile(angle, slice), () => FibreProjection(cloud, input, result, angle, slice));
            }
        }

        if (cloud.Count == 0)
        {
            log($"QC figures: slice {slice} holds no fibre voxel, so no fibre projection is drawn");
        }

        log($"QC figures: {written.Count} PNG in {folder}");
        return written;
    }

    /// <summary>The CT map (calibrated frame) with one band per SAXS slice from its beam's top to its bottom.</summary>
    internal static MapFigure CtMapWithSlices(RegistrationInput input, RegistrationResult result)
    {
        var voxel = input.Calibration.CommonVoxelUm;
        var figure = MapFigure.Create(input.Calibration.CtMap, MapAxes.Square(voxel, voxel / 2, voxel / 2),
            "Register: CT map with each SAXS slice's beam height", "x along the raster at the map angle, CT columns (µm)",
            "height z below the CT top (µm, down)");
        foreach (var (top, bottom, label) in SliceBands(result))
        {
            figure.AddBand(top, bottom, label);
        }

        return figure;
    }

    /// <summary>The WAXS map and the CT map on one height axis, sense·motor y (µm): the CT placed by the match.</summary>
    internal static SidePanelsFigure VerticalMatch(RegistrationInput input, RegistrationResult result)
    {
        var match = result.Vertical;
        var sense = match.VerticalSense;
        var waxs = input.WaxsMap;
        // Rows ordered by height (sense·y) increasing downwards, columns by x increasing; x in CT column µm.
        var rows = Enumerable.Range(0, waxs.Rows).OrderBy(r => sense * waxs.YUm[r]).ToArray();
        var columns = Enumerable.Range(0, waxs.Columns).OrderBy(c => waxs.XUm[c]).ToArray();
        var map = new double[rows.Length, columns.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                map[r, c] = waxs.Sums[rows[r], columns[c]];
            }
        }

        double Step(IReadOnlyList<double> values) => values.Count > 1 ? Math.Abs(values[^1] - values[0]) / (values.Count - 1) : 1;
        var waxsAxes = new MapAxes(Step(waxs.XUm), Step(waxs.YUm), waxs.XUm[columns[0]] - match.LateralOffsetUm, sense * waxs.YUm[rows[0]]);
        var voxel = input.Calibration.CommonVoxelUm;
        var ctTop = sense * match.OffsetUm;
        var ctMap = input.Calibration.CtMap;
        var ctAxes = MapAxes.Square(voxel, voxel / 2, ctTop + voxel / 2);
        var height = sense > 0 ? "motor y (µm, down)" : "−motor y (µm, down)";
        var left = MapFigure.Create(map, waxsAxes, "WAXS map (WAXS_sum/sum)", "motor x − lateral offset (µm)", height)
            .AddHorizontalLine(ctTop, "CT top")
            .AddHorizontalLine(ctTop + ctMap.GetLength(0) * voxel, "CT bottom");
        var title = string.Create(CultureInfo.InvariantCulture,
            $"CT map placed at y = {match.OffsetUm:F1} µm ({match.Source.ToString().ToLowerInvariant()}, NCC {match.Ncc:F2})");
        var right = MapFigure.Create(ctMap, ctAxes, title, "x along CT columns (µm)", height);
        return new SidePanelsFigure(left, right);
    }

    /// <summary>One angle's frame sums along the raster at <paramref name="slice"/>, with the wall peaks found there
    /// (magenta) and the tube centre used for the slice (green, dashed).</summary>
    internal static ProfileFigure TubeOnFrameSums(RegistrationInput input, RegistrationResult result, int angle, int slice)
    {
        var raster = input.Rasters[angle];
        var walls = result.Walls[angle, slice];
        var centre = result.TubeCentreUm[angle, slice];
        // Short title and no label on the centre line: line labels sit above the plot, where a long title would be
        // hidden under them; the centre's value goes into the axis label instead.
        var title = string.Create(CultureInfo.InvariantCulture, $"Frame sums, angle {angle} (θ = {result.AnglesDeg[angle]:0.##}°), slice {slice}");
        var xLabel = string.Create(CultureInfo.InvariantCulture, $"raster position, motor x (µm); green dashed: tube centre used, {centre:F1} µm");
        var figure = new ProfileFigure(title, xLabel, "frame sum SAXS_sum/sum (counts)")
            .AddProfile([.. raster.XUm], raster.Row(slice), null);
        if (double.IsFinite(walls.LeftUm))
        {
            figure.AddMarkerLine(walls.LeftUm, "wall");
        }

        if (double.IsFinite(walls.RightUm))
        {
            figure.AddMarkerLine(walls.RightUm, "wall");
        }

        return figure.AddMarkerLine(centre, null, MarkerLineKind.Centre);
    }

    /// <summary>The fibre points of <paramref name="slice"/>'s slab about the CT tube axis, as Register reads them.</summary>
    public static FibrePointCloud SliceCloud(RegistrationInput input, RegistrationResult result, int slice)
    {
        var slab = result.Slices[slice];
        var calibration = input.Calibration;
        var tubeUm = new CtTubeAxis(calibration.Tube).CentreUm(0.5 * (slab.CtZStartUm + slab.CtZEndUm), calibration.CommonVoxelUm);
        return SlabCloud.Read(input.Volumes, slab, calibration.Fibres, tubeUm);
    }

    /// <summary>The fibre points of <paramref name="cloud"/> at one angle as the fibre figure draws them: raster
    /// position X (motor µm, the slice's tube centre + the rotated offset from the tube axis) and along-beam position
    /// Z (µm from the tube axis), with their fibre ids.</summary>
    public static (double[] XUm, double[] ZUm, int[] FibreIds) ProjectedFibres(FibrePointCloud cloud, RegistrationResult result, int angle, int slice)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(result);
        var frame = new AngleFrame(result.AnglesDeg[angle], result.RotationSign, result.MapAngleDeg);
        var centre = result.TubeCentreUm[angle, slice];
        var (x, z) = (new double[cloud.Count], new double[cloud.Count]);
        for (var i = 0; i < cloud.Count; i++)
        {
            var (labX, labZ) = frame.ToLab(cloud.U[i], cloud.W[i]);
            (x[i], z[i]) = (centre + labX, labZ);
        }

        return (x, z, [.. cloud.FibreId]);
    }

    /// <summary>The slice's fibre points at one angle: raster position X (motor µm) against the along-beam position
    /// Z (µm from the tube axis), coloured by fibre id, with the beam-path edges and the tube's outer circle.</summary>
    internal static LabelScatterFigure FibreProjection(FibrePointCloud cloud, RegistrationInput input, RegistrationResult result, int angle, int slice)
    {
        var frame = new AngleFrame(result.AnglesDeg[angle], result.RotationSign, result.MapAngleDeg);
        var centre = result.TubeCentreUm[angle, slice];
        var (x, z, ids) = ProjectedFibres(cloud, result, angle, slice);
        var title = string.Create(CultureInfo.InvariantCulture,
            $"Register: fibres of slice {slice} at angle {angle} (θ = {result.AnglesDeg[angle]:0.##}°, φ = {frame.PhiDeg:0.##}°), " +
            $"{cloud.FibreId.Distinct().Count()} fibres, {cloud.Count} voxels");
        var figure = new LabelScatterFigure(x, z, ids, title, "raster position, motor x (µm)", "along the beam Z from the tube axis (µm)")
            .AddCircle(centre, 0, input.Geometry.TubeOuterDiameterUm / 2);
        foreach (var edge in PathEdgesUm(result.PathPositionsUm))
        {
            figure.AddVerticalLine(edge, null);
        }

        return figure;
    }
}
