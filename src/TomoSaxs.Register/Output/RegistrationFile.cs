using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Register.Fibres;
using TomoSaxs.Register.Gridding;
using TomoSaxs.Register.Horizontal;
using TomoSaxs.Register.Vertical;

namespace TomoSaxs.Register.Output;

/// <summary>
/// Writes and reads <c>register/registration.h5</c>. Layout (A angles, S slices, P beam paths, T CT tube slabs,
/// N crossings; every length in µm, every angle in degrees, each dataset with a <c>units</c> attribute):
/// <code>
/// /                          @artefact = "tomosaxs.registration", @layout_version = 1
/// /angles_deg                f64 [A]          tomoSAXS angle θ per file
/// /rotation_sign             i32              s: azimuths gain s·(θ − θ_map)
/// /map_angle_deg             f64              θ_map
/// /raster/position_um        f64 [P]          motor x of each beam path (frame order)
/// /raster/beam_fwhm_um       f64              beam FWHM across the raster (σ = FWHM/2.3548)
/// /raster/along_beam_step_um f64              along-beam voxel length
/// /raster/along_beam_window_um f64            along-beam window, centred on the tube axis
/// /fibres/voxel_um           f64              fibre voxel edge (beam_weight × voxel³ = µm³)
/// /fibres/cylinders/…        (fibre_model: cylinder, F fitted fibres) fibre_id i32 [F]; centre_um f64 [F, 3] and
///                            axis f64 [F, 3] as (X along CT columns, Y along rows, Z down the slices) in the
///                            calibrated frame; start_um, end_um f64 [F] (end faces along the axis from the centre);
///                            radius_um f64 [F]; voxel_count i32 [F] (traced voxels fitted)
/// /slices/y_um               f64 [S]          motor y of each SAXS slice
/// /slices/ct_z_um            f64 [S, 2]       beam's [top, bottom) in the calibrated CT, µm from its top
/// /slices/fibre_z            i32 [S, 2]       fibre-voxel slices [start, end) in the beam
/// /vertical/offset_um        f64              motor y level with the CT top (register.vertical_offset_um)
/// /vertical/lateral_offset_um f64             motor x level with the CT map's first column
/// /vertical/vertical_sense   i32              +1: larger y is lower in the CT
/// /vertical/ncc, peak_to_second, minimum_ncc  f64; /vertical/overlap_pixels i32; /vertical/source str
/// /tube/ct_voxel_um          f64              CT voxel of the circles and the sample mask
/// /tube/ct_z                 i32 [T, 2]       CT slices [start, end) of each fitted slab
/// /tube/ct_centre_px         f64 [T, 2]       circle centre (row, col), CT pixels
/// /tube/ct_radius_px, ct_rms_px, ct_inlier_fraction  f64 [T];  /tube/ct_source str [T]
/// /walls/left_um, right_um, centre_um, left_prominence, right_prominence  f64 [A, S] walls found in each
///                                             slice's frame sums (NaN = wall not seen)
/// /walls/source              str [A·S]        "automatic" or "pinned", row-major [angle, slice]
/// /walls/tube_centre_um      f64 [A, S]       tube centre's motor x used for each slice (after the fit)
/// /crossings/index           i64 [A, S, P, 2] first entry and entry count of each beam path
/// /crossings/fibre_id        i32 [N]          traced fibre
/// /crossings/along_beam      i32 [N]          along-beam voxel (−1: summed over the path)
/// /crossings/voxel_count     i32 [N]          fibre voxels whose nearest path this is
/// /crossings/beam_weight     f64 [N]          ∫ exp(−d²/2σ²) dV over the fibre's cylinder in the slab (or
///                                             Σ over its traced voxels without one), fibre voxels
/// /crossings/alpha_deg       f64 [N]          α from the vertical axis
/// /crossings/beta_deg        f64 [N]          β in the lab frame at this angle, [0, 360)
/// /thickness/chord_um        f64 [A, S, P]    sample chord along each beam path
/// /thickness/fibre_count     i32 [A, S, P]    distinct fibres with voxels in the path
/// </code>
/// Crossings of one path are contiguous and sorted by along-beam voxel, then fibreId. The stage adds its
/// provenance attributes to the root group through the <c>decorate</c> callback.
/// </summary>
public static class RegistrationFile
{
    /// <summary>The root <c>artefact</c> attribute.</summary>
    public const string ArtefactName = "tomosaxs.registration";

    /// <summary>The root <c>layout_version</c> attribute; bump it when the layout changes.</summary>
    public const int LayoutVersion = 1;

    /// <summary>Writes <paramref name="result"/> atomically to <paramref name="path"/>.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="result">The registration.</param>
    /// <param name="decorate">Adds more attributes or groups (e.g. provenance) to the root before writing.</param>
    /// <exception cref="ArgumentException">The result is inconsistent (see <see cref="RegistrationResult.Validate"/>).</exception>
    /// <exception cref="DataFileException">The file cannot be written.</exception>
    public static void Write(string path, RegistrationResult result, Action<ArtefactGroup>? decorate = null)
    {
        result.Validate();
        var (a, s, p) = (result.AnglesDeg.Count, result.Slices.Count, result.PathPositionsUm.Count);
        var root = new ArtefactGroup();
        root.Attributes.Set("artefact", ArtefactName).Set("layout_version", LayoutVersion);
        Units(root.AddDataset("angles_deg", result.AnglesDeg.ToArray()), "deg");
        root.AddScalar("rotation_sign", result.RotationSign);
        Units(root.AddScalar("map_angle_deg", result.MapAngleDeg), "deg");

        var raster = root.Group("raster");
        Units(raster.AddDataset("position_um", result.PathPositionsUm.ToArray()), "um");
        Units(raster.AddScalar("beam_fwhm_um", result.BeamFwhmUm), "um");
        Units(raster.AddScalar("along_beam_step_um", result.AlongBeamStepUm), "um");
        Units(raster.AddScalar("along_beam_window_um", result.AlongBeamWindowUm), "um");
        Units(root.Group("fibres").AddScalar("voxel_um", result.FibreVoxelUm), "um");
        WriteCylinders(root.Group("fibres"), result.FibreCylinders);

        var slices = root.Group("slices");
        Units(slices.AddDataset("y_um", result.Slices.Select(x => x.YUm).ToArray()), "um");
        Units(slices.AddDataset("ct_z_um", result.Slices.SelectMany(x => new[] { x.CtZStartUm, x.CtZEndUm }).ToArray(), [s, 2]), "um");
        slices.AddDataset("fibre_z", result.Slices.SelectMany(x => new[] { x.FibreZStart, x.FibreZEnd }).ToArray(), [s, 2]);

        var vertical = root.Group("vertical");
        var match = result.Vertical;
        Units(vertical.AddScalar("offset_um", match.OffsetUm), "um");
        Units(vertical.AddScalar("lateral_offset_um", match.LateralOffsetUm), "um");
        vertical.AddScalar("vertical_sense", match.VerticalSense);
        vertical.AddScalar("ncc", match.Ncc);
        vertical.AddScalar("peak_to_second", match.PeakToSecond);
        vertical.AddScalar("minimum_ncc", match.MinimumNcc);
        vertical.AddScalar("overlap_pixels", match.OverlapPixels);
        vertical.AddString("source", SourceName(match.Source));

        var tube = root.Group("tube");
        var t = result.CtTube.Count;
        Units(tube.AddScalar("ct_voxel_um", result.CtVoxelUm), "um");
        tube.AddDataset("ct_z", result.CtTube.SelectMany(x => new[] { x.ZStart, x.ZEnd }).ToArray(), [t, 2]);
        Units(tube.AddDataset("ct_centre_px", result.CtTube.SelectMany(x => new[] { x.Circle.CentreRow, x.Circle.CentreCol }).ToArray(), [t, 2]), "pixel");
        Units(tube.AddDataset("ct_radius_px", result.CtTube.Select(x => x.Circle.RadiusPx).ToArray(), [t]), "pixel");
        Units(tube.AddDataset("ct_rms_px", result.CtTube.Select(x => x.Circle.RmsPx).ToArray(), [t]), "pixel");
        tube.AddDataset("ct_inlier_fraction", result.CtTube.Select(x => x.Circle.InlierFraction).ToArray(), [t]);
        tube.AddDataset("ct_edge_points", result.CtTube.Select(x => x.Circle.EdgePoints).ToArray(), [t]);
        tube.AddStrings("ct_source", [.. result.CtTube.Select(x => SourceName(x.Circle.Source))]);

        var walls = root.Group("walls");
        var found = result.Walls.Cast<TubeWalls>().ToArray();
        Units(walls.AddDataset("left_um", found.Select(w => w.LeftUm).ToArray(), [a, s]), "um");
        Units(walls.AddDataset("right_um", found.Select(w => w.RightUm).ToArray(), [a, s]), "um");
        Units(walls.AddDataset("centre_um", found.Select(w => w.CentreUm).ToArray(), [a, s]), "um");
        walls.AddDataset("left_prominence", found.Select(w => w.LeftProminence).ToArray(), [a, s]);
        walls.AddDataset("right_prominence", found.Select(w => w.RightProminence).ToArray(), [a, s]);
        walls.AddStrings("source", [.. found.Select(w => SourceName(w.Source))]);
        Units(walls.AddDataset("tube_centre_um", result.TubeCentreUm.Cast<double>().ToArray(), [a, s]), "um");

        WriteCrossings(root.Group("crossings"), result);
        var thickness = root.Group("thickness");
        Units(thickness.AddDataset("chord_um", Flatten(result.ChordUm), [a, s, p], ArtefactStorage.Chunked([1, s, p])), "um");
        thickness.AddDataset("fibre_count", Flatten(result.FibresPerPath()), [a, s, p]);
        decorate?.Invoke(root);
        Hdf5ArtefactWriter.Write(path, root);
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <exception cref="DataFileException">The file is missing, not a registration, of another layout version, or inconsistent.</exception>
    public static RegistrationResult Read(string path)
    {
        using var file = Hdf5File.Open(path);
        var attributes = file.Attributes("/").ToDictionary(x => x.Name, x => x.Value);
        if (!attributes.TryGetValue("artefact", out var artefact) || artefact as string != ArtefactName)
        {
            throw new DataFileException(path, "/@artefact", $"is not a registration file (expected artefact = \"{ArtefactName}\")");
        }

        if (!attributes.TryGetValue("layout_version", out var version) || Convert.ToInt64(version) != LayoutVersion)
        {
            throw new DataFileException(path, "/@layout_version", $"is {version ?? "missing"}; this reader understands version {LayoutVersion}");
        }

        double[] Doubles(string name) => file.Dataset(name).Read<double>();
        int[] Ints(string name) => file.Dataset(name).Read<int>();
        double Scalar(string name) => file.Dataset(name).ReadScalar();
        string Text(string name) => file.Dataset(name).ReadStrings()[0];

        var angles = Doubles("angles_deg");
        var positions = Doubles("raster/position_um");
        var (a, p) = (angles.Length, positions.Length);
        var y = Doubles("slices/y_um");
        var s = y.Length;
        var ctZ = Doubles("slices/ct_z_um");
        var fibreZ = Ints("slices/fibre_z");
        var slices = Enumerable.Range(0, s).Select(j => new SliceSlab(j, y[j], ctZ[2 * j], ctZ[2 * j + 1], fibreZ[2 * j], fibreZ[2 * j + 1])).ToList();

        var vertical = new VerticalMatch(
            Scalar("vertical/offset_um"), Scalar("vertical/lateral_offset_um"), (int)Scalar("vertical/vertical_sense"),
            Scalar("vertical/ncc"), Scalar("vertical/peak_to_second"), (int)Scalar("vertical/overlap_pixels"),
            ParseSource(path, Text("vertical/source")), Scalar("vertical/minimum_ncc"));

        var tubeZ = Ints("tube/ct_z");
        var centres = Doubles("tube/ct_centre_px");
        var radii = Doubles("tube/ct_radius_px");
        var rms = Doubles("tube/ct_rms_px");
        var inliers = Doubles("tube/ct_inlier_fraction");
        var edges = Ints("tube/ct_edge_points");
        var tubeSources = file.Dataset("tube/ct_source").ReadStrings();
        var tube = Enumerable.Range(0, radii.Length).Select(k => new TubeSlab(tubeZ[2 * k], tubeZ[2 * k + 1],
            new TubeCircle(centres[2 * k], centres[2 * k + 1], radii[k], rms[k], inliers[k], edges[k], ParseSource(path, tubeSources[k])))).ToList();

        var (left, right, centre) = (Doubles("walls/left_um"), Doubles("walls/right_um"), Doubles("walls/centre_um"));
        var (leftProminence, rightProminence) = (Doubles("walls/left_prominence"), Doubles("walls/right_prominence"));
        var wallSources = file.Dataset("walls/source").ReadStrings();
        var used = Doubles("walls/tube_centre_um");
        if (new[] { left.Length, right.Length, centre.Length, leftProminence.Length, rightProminence.Length, wallSources.Length, used.Length }.Any(n => n != a * s))
        {
            throw new DataFileException(path, "/walls", $"datasets must hold {a} × {s} values (angles × slices)");
        }

        var walls = new TubeWalls[a, s];
        var tubeCentres = new double[a, s];
        for (var k = 0; k < a * s; k++)
        {
            walls[k / s, k % s] = new TubeWalls(left[k], right[k], centre[k], leftProminence[k], rightProminence[k], ParseSource(path, wallSources[k]));
            tubeCentres[k / s, k % s] = used[k];
        }

        var result = new RegistrationResult
        {
            AnglesDeg = angles,
            RotationSign = (int)Scalar("rotation_sign"),
            MapAngleDeg = Scalar("map_angle_deg"),
            PathPositionsUm = positions,
            BeamFwhmUm = Scalar("raster/beam_fwhm_um"),
            AlongBeamStepUm = Scalar("raster/along_beam_step_um"),
            AlongBeamWindowUm = Scalar("raster/along_beam_window_um"),
            FibreVoxelUm = Scalar("fibres/voxel_um"),
            Slices = slices,
            Vertical = vertical,
            CtVoxelUm = Scalar("tube/ct_voxel_um"),
            CtTube = tube,
            Walls = walls,
            TubeCentreUm = tubeCentres,
            Crossings = ReadCrossings(file, path, a, s, p),
            ChordUm = Unflatten(path, Doubles("thickness/chord_um"), a, s, p),
            FibreCylinders = ReadCylinders(file, path),
        };
        try
        {
            result.Validate();
        }
        catch (ArgumentException problem)
        {
            throw new DataFileException(path, null, $"is inconsistent: {problem.Message}");
        }

        return result;
    }

    /// <summary>/fibres/cylinders: one row per fitted fibre (nothing when no fibre has a cylinder).</summary>
    private static void WriteCylinders(ArtefactGroup fibres, IReadOnlyList<FibreCylinder> cylinders)
    {
        if (cylinders.Count == 0)
        {
            return;
        }

        var n = cylinders.Count;
        var group = fibres.Group("cylinders");
        group.AddDataset("fibre_id", cylinders.Select(c => c.FibreId).ToArray());
        Units(group.AddDataset("centre_um", cylinders.SelectMany(c => new[] { c.CentreUm.X, c.CentreUm.Y, c.CentreUm.Z }).ToArray(), [n, 3]), "um");
        group.AddDataset("axis", cylinders.SelectMany(c => new[] { c.Axis.X, c.Axis.Y, c.Axis.Z }).ToArray(), [n, 3]);
        Units(group.AddDataset("start_um", cylinders.Select(c => c.StartUm).ToArray()), "um");
        Units(group.AddDataset("end_um", cylinders.Select(c => c.EndUm).ToArray()), "um");
        Units(group.AddDataset("radius_um", cylinders.Select(c => c.RadiusUm).ToArray()), "um");
        group.AddDataset("voxel_count", cylinders.Select(c => c.VoxelCount).ToArray());
    }

    private static IReadOnlyList<FibreCylinder> ReadCylinders(Hdf5File file, string path)
    {
        if (!file.Exists("fibres/cylinders"))
        {
            return [];
        }

        var ids = file.Dataset("fibres/cylinders/fibre_id").Read<int>();
        var centres = file.Dataset("fibres/cylinders/centre_um").Read<double>();
        var axes = file.Dataset("fibres/cylinders/axis").Read<double>();
        var start = file.Dataset("fibres/cylinders/start_um").Read<double>();
        var end = file.Dataset("fibres/cylinders/end_um").Read<double>();
        var radius = file.Dataset("fibres/cylinders/radius_um").Read<double>();
        var counts = file.Dataset("fibres/cylinders/voxel_count").Read<int>();
        var n = ids.Length;
        if (centres.Length != 3 * n || axes.Length != 3 * n || start.Length != n || end.Length != n || radius.Length != n || counts.Length != n)
        {
            throw new DataFileException(path, "/fibres/cylinders", $"datasets must hold {n} rows (centre_um and axis {n} × 3)");
        }

        return [.. Enumerable.Range(0, n).Select(i => new FibreCylinder(
            ids[i], (centres[3 * i], centres[3 * i + 1], centres[3 * i + 2]), (axes[3 * i], axes[3 * i + 1], axes[3 * i + 2]),
            start[i], end[i], radius[i], counts[i]))];
    }

    private static void WriteCrossings(ArtefactGroup group, RegistrationResult result)
    {
        var (a, s, p) = (result.AnglesDeg.Count, result.Slices.Count, result.PathPositionsUm.Count);
        var index = new long[a * s * p * 2];
        var all = new List<FibreCrossing>();
        for (var angle = 0; angle < a; angle++)
        {
            for (var slice = 0; slice < s; slice++)
            {
                var sorted = result.Crossings[angle, slice].OrderBy(c => c.Path).ThenBy(c => c.AlongBeam).ThenBy(c => c.FibreId).ToList();
                foreach (var run in sorted.GroupBy(c => c.Path))
                {
                    var at = ((angle * s + slice) * p + run.Key) * 2;
                    index[at] = all.Count;
                    index[at + 1] = run.Count();
                    all.AddRange(run);
                }
            }
        }

        group.AddDataset("index", index, [a, s, p, 2]);
        // A dataset needs at least one element; an empty table is stored as one sentinel row with fibre_id 0,
        // which no index entry points to.
        var rows = all.Count > 0 ? all : [new FibreCrossing(0, 0, 0, 0, 0, 0, 0)];
        group.Attributes.Set("entries", (long)all.Count);
        group.AddDataset("fibre_id", rows.Select(c => c.FibreId).ToArray());
        group.AddDataset("along_beam", rows.Select(c => c.AlongBeam).ToArray());
        group.AddDataset("voxel_count", rows.Select(c => c.VoxelCount).ToArray());
        Units(group.AddDataset("beam_weight", rows.Select(c => c.BeamWeight).ToArray()), "voxel");
        Units(group.AddDataset("alpha_deg", rows.Select(c => c.AlphaDeg).ToArray()), "deg");
        Units(group.AddDataset("beta_deg", rows.Select(c => c.BetaDeg).ToArray()), "deg");
    }

    private static IReadOnlyList<FibreCrossing>[,] ReadCrossings(Hdf5File file, string path, int a, int s, int p)
    {
        var index = file.Dataset("crossings/index").Read<long>();
        if (index.Length != a * s * p * 2)
        {
            throw new DataFileException(path, "/crossings/index", $"holds {index.Length} values, expected {a} × {s} × {p} × 2");
        }

        var ids = file.Dataset("crossings/fibre_id").Read<int>();
        var along = file.Dataset("crossings/along_beam").Read<int>();
        var counts = file.Dataset("crossings/voxel_count").Read<int>();
        var weights = file.Dataset("crossings/beam_weight").Read<double>();
        var alpha = file.Dataset("crossings/alpha_deg").Read<double>();
        var beta = file.Dataset("crossings/beta_deg").Read<double>();
        var crossings = new IReadOnlyList<FibreCrossing>[a, s];
        for (var angle = 0; angle < a; angle++)
        {
            for (var slice = 0; slice < s; slice++)
            {
                var list = new List<FibreCrossing>();
                for (var beamPath = 0; beamPath < p; beamPath++)
                {
                    var at = ((angle * s + slice) * p + beamPath) * 2;
                    var (first, count) = (index[at], index[at + 1]);
                    if (first < 0 || count < 0 || first + count > ids.Length)
                    {
                        throw new DataFileException(path, "/crossings/index", $"entry [{angle}, {slice}, {beamPath}] points outside the {ids.Length} crossings");
                    }

                    for (var e = first; e < first + count; e++)
                    {
                        list.Add(new FibreCrossing(beamPath, along[e], ids[e], counts[e], weights[e], alpha[e], beta[e]));
                    }
                }

                crossings[angle, slice] = list;
            }
        }

        return crossings;
    }

    private static void Units(ArtefactDataset dataset, string units) => dataset.Attributes.Set("units", units);

    private static string SourceName(EstimateSource source) => source == EstimateSource.Pinned ? "pinned" : "automatic";

    private static EstimateSource ParseSource(string path, string text) => text switch
    {
        "automatic" => EstimateSource.Automatic,
        "pinned" => EstimateSource.Pinned,
        _ => throw new DataFileException(path, null, $"unknown estimate source '{text}' (expected automatic or pinned)"),
    };

    private static T[] Flatten<T>(T[,,] values) => [.. values.Cast<T>()];

    private static double[,,] Unflatten(string path, double[] values, int a, int s, int p)
    {
        if (values.Length != a * s * p)
        {
            throw new DataFileException(path, "/thickness/chord_um", $"holds {values.Length} values, expected {a} × {s} × {p}");
        }

        var result = new double[a, s, p];
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(double));
        return result;
    }
}
