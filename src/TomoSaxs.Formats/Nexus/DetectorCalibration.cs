namespace TomoSaxs.Formats.Nexus;

/// <summary>
/// The calibrated numbers of a DAWN calibration file, converted to the pipeline's units. This is a plain record
/// of what the file says (Fit2D-style, no tilt); turning it into a detector geometry is done elsewhere.
/// </summary>
/// <param name="DistanceUm">Sample–detector distance, µm.</param>
/// <param name="BeamCentreXUm">Beam centre along the detector's fast axis (columns), µm from the detector origin.</param>
/// <param name="BeamCentreYUm">Beam centre along the slow axis (rows), µm.</param>
/// <param name="PixelSizeXUm">Pixel size along the fast axis, µm.</param>
/// <param name="PixelSizeYUm">Pixel size along the slow axis, µm.</param>
/// <param name="WavelengthNm">X-ray wavelength, nm.</param>
public sealed record DetectorCalibration(
    double DistanceUm,
    double BeamCentreXUm,
    double BeamCentreYUm,
    double PixelSizeXUm,
    double PixelSizeYUm,
    double WavelengthNm)
{
    /// <summary>Beam centre along the fast axis in pixels (column coordinate).</summary>
    public double BeamCentreXPixels => BeamCentreXUm / PixelSizeXUm;

    /// <summary>Beam centre along the slow axis in pixels (row coordinate).</summary>
    public double BeamCentreYPixels => BeamCentreYUm / PixelSizeYUm;
}
