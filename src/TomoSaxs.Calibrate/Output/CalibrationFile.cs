using TomoSaxs.Calibrate.Assembly;
using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Fibres;
using TomoSaxs.Calibrate.Mask;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Calibrate.Output;

/// <summary>
/// Writes and reads <c>calibrate/calibration.h5</c>. Layout (D × H × W the combined CT, Df × Hf × Wf the fibre
/// grid, T tube slabs; lengths in µm, pixels and voxels of the grid named; each dataset with a <c>units</c>
/// attribute where it has units):
/// <code>
/// /                         @artefact = "tomosaxs.calibration", @layout_version = 2 (+ provenance attributes)
/// /ct/voxel_um              f64              common voxel edge v
/// /ct/shape                 i32 [3]          D, H, W (z, row, col), voxels
/// /ct/map                   f64 [D, W]       inverted summed CT map (max − Σ rows), grey
/// /ct/high_res_region       i32 [3, 2]       [start, end) per axis (z, row, col) of voxels from the high-res scan
/// /offset/voxels            f64 [3]          high-res corner in the low-res CT (z, row, col), common voxels
/// /offset/um                f64 [3]          the same, µm
/// /offset/ncc, peak_to_second, minimum_ncc   f64;  /offset/source str ("automatic" or "pinned")
/// /tube/z                   i32 [T, 2]       CT slices [start, end) of each slab
/// /tube/centre_px           f64 [T, 2]       outer circle centre (row, col), common-voxel pixels
/// /tube/radius_px, rms_px, inlier_fraction   f64 [T];  /tube/edge_points i32 [T];  /tube/source str [T]
/// /fibres/voxel_um          f64              fibre voxel edge
/// /fibres/shape             i32 [3]          Df, Hf, Wf
/// /fibres/shift             i32 [3]          fibre voxel where the traced voxel (0, 0, 0) lands
/// /fibres/corner_um         f64 [3]          the traced volume's exact corner in the calibrated frame, µm
/// /fibres/theta, phi        u8  [Df, Hf, Wf] α and β, whole degrees (0 = no fibre for α)
/// /fibres/index             i32 [Df, Hf, Wf] fibre id (0 = none)
/// /mask/z                   i32 [D]          per slice: the slice, and
/// /mask/threshold           f64 [D]          threshold used, grey;  /mask/separability f64 [D];
/// /mask/pixels              i64 [D]          sample pixels;  /mask/has_sample u8 [D] (1 = sample found)
/// /mask/volume              u8  [D, H, W]    sample share of each pixel, 0…255 (255 = sample; partial at the outline)
/// </code>
/// The four volumes are chunked in whole slices (at most 16 deep and 8 MiB, see
/// <see cref="CalibrationLayout.ChunkDepth"/>), byte-shuffled and deflated, written slab by slab and read back
/// lazily, one hyperslab per <see cref="ISlabReader{T}.ReadSlab"/>.
/// </summary>
public static class CalibrationFile
{
    /// <summary>
    /// Writes <paramref name="result"/> and <paramref name="volumes"/> atomically to <paramref name="path"/>,
    /// streaming each volume slab by slab (only one chunk-deep slab in memory at a time).
    /// </summary>
    /// <param name="path">The file to write (normally <c>calibrate/calibration.h5</c>).</param>
    /// <param name="result">The calibration.</param>
    /// <param name="volumes">The fibre volumes (shape <see cref="FibrePlacement.Shape"/>) and sample mask (shape
    /// <see cref="CalibrationResult.CtShape"/>); read once each, in increasing z.</param>
    /// <param name="decorate">Adds attributes or groups (e.g. provenance) to the root before writing.</param>
    /// <exception cref="ArgumentException">A volume's shape disagrees with <paramref name="result"/>.</exception>
    /// <exception cref="DataFileException">The file cannot be written.</exception>
    public static void Write(string path, CalibrationResult result, ICalibratedVolumes volumes, Action<ArtefactGroup>? decorate = null)
    {
        RequireShape(volumes.Theta.Shape, result.Fibres.Shape, "The fibre α volume");
        RequireShape(volumes.Phi.Shape, result.Fibres.Shape, "The fibre β volume");
        RequireShape(volumes.FibreIndex.Shape, result.Fibres.Shape, "The fibre index volume");
        RequireShape(volumes.SampleMask.Shape, result.CtShape, "The sample mask");
        RequireMap(result);

        var root = new ArtefactGroup();
        root.Attributes.Set("artefact", CalibrationLayout.ArtefactName).Set("layout_version", CalibrationLayout.LayoutVersion);
        WriteCt(root.Group("ct"), result);
        WriteOffset(root.Group("offset"), result.HighResOffset);
        WriteTube(root.Group("tube"), result.Tube);
        WriteFibres(root.Group("fibres"), result.Fibres);
        WriteMaskReports(root.Group("mask"), result.SampleMask);
        Declare<byte>(root, CalibrationLayout.Theta, result.Fibres.Shape, "deg");
        Declare<byte>(root, CalibrationLayout.Phi, result.Fibres.Shape, "deg");
        Declare<int>(root, CalibrationLayout.FibreIndex, result.Fibres.Shape, null);
        Declare<byte>(root, CalibrationLayout.SampleMask, result.CtShape, null);
        decorate?.Invoke(root);

        using var writer = Hdf5ArtefactWriter.Begin(path, root);
        Stream(writer, CalibrationLayout.Theta, volumes.Theta);
        Stream(writer, CalibrationLayout.Phi, volumes.Phi);
        Stream(writer, CalibrationLayout.FibreIndex, volumes.FibreIndex);
        Stream(writer, CalibrationLayout.SampleMask, volumes.SampleMask);
        writer.Commit();
    }

    /// <summary>
    /// Opens a file written by <see cref="Write"/>: reads the small part into
    /// <see cref="CalibrationFileReader.Result"/> at once and leaves the volumes to be read slab by slab.
    /// Dispose the reader to close the file.
    /// </summary>
    /// <exception cref="DataFileException">The file is missing, not a calibration file, of another layout version,
    /// lacks a dataset (named) or is inconsistent.</exception>
    public static CalibrationFileReader Open(string path)
    {
        var file = Hdf5File.Open(path);
        try
        {
            var result = CalibrationRead.Result(file);
            return new CalibrationFileReader(file, result);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    internal static string SourceName(EstimateSource source) => source == EstimateSource.Pinned ? "pinned" : "automatic";

    private static void WriteCt(ArtefactGroup ct, CalibrationResult result)
    {
        Units(ct.AddScalar("voxel_um", result.CommonVoxelUm), "um");
        Units(ct.AddDataset("shape", new[] { result.CtShape.Depth, result.CtShape.Height, result.CtShape.Width }), "voxel");
        var map = result.CtMap;
        Units(ct.AddDataset("map", map.Cast<double>().ToArray(), [map.GetLength(0), map.GetLength(1)]), "grey");
        var region = result.HighResRegion;
        Units(ct.AddDataset("high_res_region", new[] { region.Z0, region.Z1, region.Y0, region.Y1, region.X0, region.X1 }, [3, 2]), "voxel");
    }

    private static void WriteOffset(ArtefactGroup offset, HighResOffsetEstimate estimate)
    {
        var v = estimate.Voxels;
        Units(offset.AddDataset("voxels", new[] { v.Z, v.Y, v.X }), "voxel");
        var um = estimate.Um;
        Units(offset.AddDataset("um", new[] { um.Z, um.Y, um.X }), "um");
        offset.AddScalar("ncc", estimate.Ncc);
        offset.AddScalar("peak_to_second", estimate.PeakToSecond);
        offset.AddScalar("minimum_ncc", estimate.MinimumNcc);
        offset.AddString("source", SourceName(estimate.Source));
    }

    private static void WriteTube(ArtefactGroup tube, IReadOnlyList<TubeSlab> slabs)
    {
        if (slabs.Count == 0)
        {
            throw new ArgumentException("The calibration has no tube slab.", nameof(slabs));
        }

        var t = slabs.Count;
        Units(tube.AddDataset("z", slabs.SelectMany(x => new[] { x.ZStart, x.ZEnd }).ToArray(), [t, 2]), "voxel");
        Units(tube.AddDataset("centre_px", slabs.SelectMany(x => new[] { x.Circle.CentreRow, x.Circle.CentreCol }).ToArray(), [t, 2]), "pixel");
        Units(tube.AddDataset("radius_px", slabs.Select(x => x.Circle.RadiusPx).ToArray()), "pixel");
        Units(tube.AddDataset("rms_px", slabs.Select(x => x.Circle.RmsPx).ToArray()), "pixel");
        tube.AddDataset("inlier_fraction", slabs.Select(x => x.Circle.InlierFraction).ToArray());
        tube.AddDataset("edge_points", slabs.Select(x => x.Circle.EdgePoints).ToArray());
        tube.AddStrings("source", [.. slabs.Select(x => SourceName(x.Circle.Source))]);
    }

    private static void WriteFibres(ArtefactGroup fibres, FibrePlacement placement)
    {
        Units(fibres.AddScalar("voxel_um", placement.FibreVoxelUm), "um");
        Units(fibres.AddDataset("shape", new[] { placement.Shape.Depth, placement.Shape.Height, placement.Shape.Width }), "voxel");
        Units(fibres.AddDataset("shift", new[] { placement.Shift.Z, placement.Shift.Y, placement.Shift.X }), "voxel");
        Units(fibres.AddDataset("corner_um", new[] { placement.CornerUm.Z, placement.CornerUm.Y, placement.CornerUm.X }), "um");
    }

    private static void WriteMaskReports(ArtefactGroup mask, IReadOnlyList<SampleMaskSlice> slices)
    {
        if (slices.Count == 0)
        {
            throw new ArgumentException("The calibration has no sample-mask report.", nameof(slices));
        }

        mask.AddDataset("z", slices.Select(s => s.Z).ToArray());
        Units(mask.AddDataset("threshold", slices.Select(s => s.Threshold).ToArray()), "grey");
        mask.AddDataset("separability", slices.Select(s => s.Separability).ToArray());
        Units(mask.AddDataset("pixels", slices.Select(s => s.Pixels).ToArray()), "pixel");
        mask.AddDataset("has_sample", slices.Select(s => s.HasSample ? (byte)1 : (byte)0).ToArray());
    }

    private static void Declare<T>(ArtefactGroup root, string path, VolumeShape shape, string? units)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var parts = path.Trim('/').Split('/');
        var depth = CalibrationLayout.ChunkDepth(shape.SliceVoxels * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        var dataset = root.Group(parts[0]).AddStreamedDataset<T>(parts[1], [shape.Depth, shape.Height, shape.Width],
            ArtefactStorage.Chunked([depth, shape.Height, shape.Width]));
        if (units is not null)
        {
            Units(dataset, units);
        }
    }

    private static void Stream<T>(Hdf5ArtefactWriter writer, string path, ISlabReader<T> volume)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var shape = volume.Shape;
        var depth = CalibrationLayout.ChunkDepth(shape.SliceVoxels * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        foreach (var range in SlabRange.Cover(shape.Depth, depth))
        {
            var slab = volume.ReadSlab(range.Start, range.End);
            RequireShape(VolumeShape.Of(slab), shape with { Depth = range.Depth }, $"The slab [{range.Start}, {range.End}) of {path}");
            writer.WriteSlab(path, [range.Start, 0, 0], [range.Depth, shape.Height, shape.Width], SlabMemory.Flatten(slab));
        }
    }

    private static void RequireShape(VolumeShape actual, VolumeShape expected, string what)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{what} has shape {actual}; the calibration expects {expected}.");
        }
    }

    private static void RequireMap(CalibrationResult result)
    {
        if (result.CtMap.GetLength(0) != result.CtShape.Depth || result.CtMap.GetLength(1) != result.CtShape.Width)
        {
            throw new ArgumentException(
                $"The CT map is {result.CtMap.GetLength(0)} × {result.CtMap.GetLength(1)}; the CT of {result.CtShape} needs {result.CtShape.Depth} × {result.CtShape.Width} (z × col).");
        }
    }

    private static void Units(ArtefactDataset dataset, string units) => dataset.Attributes.Set("units", units);
}
