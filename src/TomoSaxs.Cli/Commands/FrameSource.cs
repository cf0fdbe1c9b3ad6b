using TomoSaxs.Formats;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Geometry;

namespace TomoSaxs.Cli.Commands;

/// <summary>Loads what `tomosaxs integrate` needs: geometry, one frame, a mask.</summary>
internal static class FrameSource
{
    /// <summary>Reads a geometry from a pyFAI <c>.poni</c> file or a DAWN calibration NeXus file.</summary>
    public static PoniGeometry Geometry(string path) =>
        Path.GetExtension(path).Equals(".poni", StringComparison.OrdinalIgnoreCase)
            ? PoniFile.Read(path).Geometry
            : DawnCalibrationFile.Read(path).ToPoni();

    /// <summary>
    /// Reads one frame [rows, cols] from <paramref name="datasetPath"/> (default: the I22 frames of a scan file),
    /// picking it out of a stack with <paramref name="index"/> (one index per leading dimension), and only that frame.
    /// </summary>
    public static (double[] Pixels, int Rows, int Cols) Frame(string path, string? datasetPath, int[] index)
    {
        using var file = Hdf5File.Open(path);
        datasetPath ??= I22FramesPath(path);
        var dataset = file.Dataset(datasetPath);
        var rank = dataset.Rank;
        if (rank < 2)
        {
            throw new DataFileException(path, datasetPath, $"has rank {rank}; a frame needs [rows, cols].");
        }

        if (index.Length != rank - 2)
        {
            throw new UsageException(
                $"{path}: {datasetPath} has shape [{string.Join(", ", dataset.Shape)}]; --index needs {rank - 2} number(s), got {index.Length}.");
        }

        var start = new long[rank];
        var count = new long[rank];
        for (var d = 0; d < rank - 2; d++)
        {
            if (index[d] >= dataset.Shape[d])
            {
                throw new UsageException($"{path}: {datasetPath}: --index {index[d]} is outside dimension {d} of size {dataset.Shape[d]}.");
            }

            start[d] = index[d];
            count[d] = 1;
        }

        count[rank - 2] = dataset.Shape[rank - 2];
        count[rank - 1] = dataset.Shape[rank - 1];
        var pixels = dataset.ReadHyperslab<double>(start, count);
        return (pixels, checked((int)count[rank - 2]), checked((int)count[rank - 1]));
    }

    /// <summary>
    /// Reads a mask (non-zero = excluded) from <paramref name="datasetPath"/>, or from the DAWN path
    /// <c>entry/mask/mask</c>, or a top-level <c>mask</c> dataset.
    /// </summary>
    public static DetectorMask Mask(string path, string? datasetPath, int rows, int cols)
    {
        using var file = Hdf5File.Open(path);
        datasetPath ??= file.IsDataset(DawnMaskFile.MaskPath) ? DawnMaskFile.MaskPath
            : file.IsDataset("mask") ? "mask"
            : throw new DataFileException(path, DawnMaskFile.MaskPath, "no mask dataset here (nor /mask); name one with --mask-dataset.");
        var dataset = file.Dataset(datasetPath);
        dataset.RequireRank(2);
        if (dataset.Shape[0] != rows || dataset.Shape[1] != cols)
        {
            throw new DataFileException(path, datasetPath,
                $"the mask is [{dataset.Shape[0]}, {dataset.Shape[1]}] but the frame is [{rows}, {cols}].");
        }

        return DetectorMask.FromValues<double>(dataset.Read<double>(), rows, cols);
    }

    private static string I22FramesPath(string path)
    {
        try
        {
            using var scan = I22Scan.Open(path);
            return scan.Frames.Path;
        }
        catch (DataFileException notAScan)
        {
            throw new UsageException($"{path} is not an I22 scan ({notAScan.Cause}); name the frame dataset with --dataset.");
        }
    }
}
