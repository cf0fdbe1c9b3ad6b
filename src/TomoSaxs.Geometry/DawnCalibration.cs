namespace TomoSaxs.Geometry;

/// <summary>
/// The numbers of a DAWN calibration (an untilted detector: distance, beam centre, pixel sizes, wavelength), as
/// read from <c>entry1/instrument/detector</c> and converted to pipeline units by the caller.
/// <see cref="ToPoni"/> converts them the way the reference script does, through pyFAI's <c>setFit2D</c> with zero
/// tilt (integration note §1.3, §2.1): poni1 = centreY·pixelY, poni2 = centreX·pixelX, no rotations.
/// </summary>
/// <param name="DistanceUm">Sample to detector distance along the beam, µm.</param>
/// <param name="BeamCentreXPx">Beam centre along columns (dimension 2, "x"), pixels.</param>
/// <param name="BeamCentreYPx">Beam centre along rows (dimension 1, "y"), pixels.</param>
/// <param name="PixelXUm">Column pitch, µm.</param>
/// <param name="PixelYUm">Row pitch, µm.</param>
/// <param name="WavelengthNm">X-ray wavelength, nm.</param>
public sealed record DawnCalibration(
    double DistanceUm,
    double BeamCentreXPx,
    double BeamCentreYPx,
    double PixelXUm,
    double PixelYUm,
    double WavelengthNm)
{
    /// <summary>The equivalent PONI geometry (pyFAI <c>setFit2D</c> with tilt = 0).</summary>
    public PoniGeometry ToPoni() =>
        new Fit2DGeometry(
            DirectDistanceMm: DistanceUm / 1000.0,
            CenterXPx: BeamCentreXPx,
            CenterYPx: BeamCentreYPx,
            TiltDeg: 0.0,
            TiltPlaneRotationDeg: 0.0,
            PixelXUm: PixelXUm,
            PixelYUm: PixelYUm).ToPoni(WavelengthNm);
}
