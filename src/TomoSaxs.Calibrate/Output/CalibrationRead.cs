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

/// <summary>Reads the small part of <c>calibration.h5</c> (everything but the four volumes) into a
/// <see cref="CalibrationResult"/>, checking the file's identity and each dataset's size.</summary>
internal static class CalibrationRead
{
    public static CalibrationResult Result(Hdf5File file)
    {
        var path = file.FilePath;
        var artefact = file.StringAttribute("/", "artefact");
        if (artefact != CalibrationLayout.ArtefactName)
        {
            throw new DataFileException(path, "/@artefact",
                $"is {(artefact is null ? "missing" : $"\"{artefact}\"")}: not a calibration file (expected artefact = \"{CalibrationLayout.ArtefactName}\")");
        }

        var version = file.Attributes("/").FirstOrDefault(a => a.Name == "layout_version")?.Value;
        if (version is null || Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture) != CalibrationLayout.LayoutVersion)
        {
            throw new DataFileException(path, "/@layout_version", $"is {version ?? "missing"}; this reader understands version {CalibrationLayout.LayoutVersion}");
        }

        double[] Doubles(string name, int count) => Sized(file.Dataset(name).Read<double>(), count, name);
        int[] Ints(string name, int count) => Sized(file.Dataset(name).Read<int>(), count, name);
        double Scalar(string name) => file.Dataset(name).ReadScalar();
        T[] Sized<T>(T[] values, int count, string name) => values.Length == count
            ? values
            : throw new DataFileException(path, "/" + name.TrimStart('/'), $"holds {values.Length} values, expected {count}");

        var ctShape = Shape(Ints("ct/shape", 3));
        var voxel = Scalar("ct/voxel_um");
        var map = new double[ctShape.Depth, ctShape.Width];
        var mapValues = Doubles("ct/map", map.Length);
        Buffer.BlockCopy(mapValues, 0, map, 0, mapValues.Length * sizeof(double));
        var r = Ints("ct/high_res_region", 6);

        var offset = Doubles("offset/voxels", 3);
        var estimate = new HighResOffsetEstimate(new Offset3(offset[0], offset[1], offset[2]), voxel,
            Scalar("offset/ncc"), Scalar("offset/peak_to_second"), Source(path, "offset/source", file.Dataset("offset/source").ReadStrings()[0]),
            Scalar("offset/minimum_ncc"));

        var radii = file.Dataset("tube/radius_px").Read<double>();
        var t = radii.Length;
        var tubeZ = Ints("tube/z", 2 * t);
        var centres = Doubles("tube/centre_px", 2 * t);
        var rms = Doubles("tube/rms_px", t);
        var inliers = Doubles("tube/inlier_fraction", t);
        var edges = Ints("tube/edge_points", t);
        var sources = Sized(file.Dataset("tube/source").ReadStrings(), t, "tube/source");
        var tube = Enumerable.Range(0, t).Select(k => new TubeSlab(tubeZ[2 * k], tubeZ[2 * k + 1],
            new TubeCircle(centres[2 * k], centres[2 * k + 1], radii[k], rms[k], inliers[k], edges[k], Source(path, "tube/source", sources[k])))).ToList();

        var shift = Ints("fibres/shift", 3);
        var corner = Doubles("fibres/corner_um", 3);
        var fibres = new FibrePlacement(Scalar("fibres/voxel_um"), Shape(Ints("fibres/shape", 3)), (shift[0], shift[1], shift[2]), (corner[0], corner[1], corner[2]));

        var maskZ = file.Dataset("mask/z").Read<int>();
        var n = maskZ.Length;
        var thresholds = Doubles("mask/threshold", n);
        var separability = Doubles("mask/separability", n);
        var pixels = Sized(file.Dataset("mask/pixels").Read<long>(), n, "mask/pixels");
        var hasSample = Sized(file.Dataset("mask/has_sample").Read<byte>(), n, "mask/has_sample");
        var reports = Enumerable.Range(0, n).Select(k => new SampleMaskSlice(maskZ[k], thresholds[k], separability[k], pixels[k], hasSample[k] != 0)).ToList();

        RequireVolume(file, CalibrationLayout.Theta, fibres.Shape);
        RequireVolume(file, CalibrationLayout.Phi, fibres.Shape);
        RequireVolume(file, CalibrationLayout.FibreIndex, fibres.Shape);
        RequireVolume(file, CalibrationLayout.SampleMask, ctShape);

        return new CalibrationResult
        {
            CommonVoxelUm = voxel,
            CtShape = ctShape,
            HighResOffset = estimate,
            HighResRegion = new HighResRegion(r[0], r[1], r[2], r[3], r[4], r[5]),
            CtMap = map,
            Tube = tube,
            Fibres = fibres,
            SampleMask = reports,
        };
    }

    private static VolumeShape Shape(int[] dims) => new(dims[0], dims[1], dims[2]);

    private static void RequireVolume(Hdf5File file, string name, VolumeShape expected)
    {
        var dataset = file.Dataset(name);
        dataset.RequireRank(3);
        var actual = new VolumeShape((int)dataset.Shape[0], (int)dataset.Shape[1], (int)dataset.Shape[2]);
        if (actual != expected)
        {
            throw new DataFileException(file.FilePath, name, $"has shape {actual}, expected {expected}");
        }
    }

    private static EstimateSource Source(string path, string dataset, string text) => text switch
    {
        "automatic" => EstimateSource.Automatic,
        "pinned" => EstimateSource.Pinned,
        _ => throw new DataFileException(path, "/" + dataset, $"unknown estimate source '{text}' (expected automatic or pinned)"),
    };
}
