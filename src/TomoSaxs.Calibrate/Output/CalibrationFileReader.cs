using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Calibrate.Output;

/// <summary>
/// An open <c>calibration.h5</c> (from <see cref="CalibrationFile.Open"/>): the calibration, read at once, and
/// the calibrated volumes, each slab read on demand as one hyperslab of the file. The readers may be used from
/// several threads; dispose the reader to close the file.
/// </summary>
public sealed class CalibrationFileReader : ICalibratedVolumes
{
    private readonly Hdf5File file;

    internal CalibrationFileReader(Hdf5File file, CalibrationResult result)
    {
        this.file = file;
        Result = result;
        Theta = new Hdf5SlabReader<byte>(file.Dataset(CalibrationLayout.Theta), result.Fibres.Shape);
        Phi = new Hdf5SlabReader<byte>(file.Dataset(CalibrationLayout.Phi), result.Fibres.Shape);
        FibreIndex = new Hdf5SlabReader<int>(file.Dataset(CalibrationLayout.FibreIndex), result.Fibres.Shape);
        SampleMask = new Hdf5SlabReader<byte>(file.Dataset(CalibrationLayout.SampleMask), result.CtShape);
    }

    /// <summary>The file as given to <see cref="CalibrationFile.Open"/>.</summary>
    public string FilePath => file.FilePath;

    /// <summary>The calibration (offset, tube, CT map, fibre placement, mask reports).</summary>
    public CalibrationResult Result { get; }

    /// <inheritdoc />
    public ISlabReader<byte> Theta { get; }

    /// <inheritdoc />
    public ISlabReader<byte> Phi { get; }

    /// <inheritdoc />
    public ISlabReader<int> FibreIndex { get; }

    /// <inheritdoc />
    public ISlabReader<byte> SampleMask { get; }

    /// <inheritdoc />
    public void Dispose() => file.Dispose();
}
