namespace TomoSaxs.Geometry;

/// <summary>
/// A detector geometry in pyFAI's PONI model (point of normal incidence), the single geometry description the
/// pipeline uses (DESIGN §5). Immutable; derive variants with <c>with</c> expressions.
/// </summary>
/// <remarks>
/// Axes follow pyFAI: dimension 1 is the detector row (slow axis), dimension 2 the column (fast axis). The PONI is
/// the foot of the perpendicular from the sample onto the detector plane, given as a distance from the detector's
/// first pixel corner along each axis. Rotations rot1, rot2, rot3 are pyFAI's rotations about the row axis, the
/// column axis and the beam, applied in that order.
/// <para>Units inside the pipeline: lengths in micrometres (µm), wavelength in nanometres (nm), angles in radians.
/// The SI accessors (<see cref="DistanceM"/> …) return exactly the values a pyFAI <c>.poni</c> file holds.</para>
/// </remarks>
/// <param name="DistanceUm">Sample to PONI distance along the detector normal, µm.</param>
/// <param name="Poni1Um">PONI coordinate along dimension 1 (rows, slow), measured from the detector edge, µm.</param>
/// <param name="Poni2Um">PONI coordinate along dimension 2 (columns, fast), measured from the detector edge, µm.</param>
/// <param name="Rot1Rad">pyFAI rot1, rotation about the row axis, radians.</param>
/// <param name="Rot2Rad">pyFAI rot2, rotation about the column axis, radians.</param>
/// <param name="Rot3Rad">pyFAI rot3, rotation about the incident beam, radians.</param>
/// <param name="Pixel1Um">Pixel size along dimension 1 (row pitch), µm.</param>
/// <param name="Pixel2Um">Pixel size along dimension 2 (column pitch), µm.</param>
/// <param name="WavelengthNm">X-ray wavelength, nm.</param>
public sealed record PoniGeometry(
    double DistanceUm,
    double Poni1Um,
    double Poni2Um,
    double Rot1Rad,
    double Rot2Rad,
    double Rot3Rad,
    double Pixel1Um,
    double Pixel2Um,
    double WavelengthNm)
{
    private const double MicrometresPerMetre = 1e6;
    private const double NanometresPerMetre = 1e9;

    /// <summary>Sample to PONI distance in metres (pyFAI's <c>dist</c>).</summary>
    public double DistanceM => DistanceUm / MicrometresPerMetre;

    /// <summary>PONI coordinate along rows in metres (pyFAI's <c>poni1</c>).</summary>
    public double Poni1M => Poni1Um / MicrometresPerMetre;

    /// <summary>PONI coordinate along columns in metres (pyFAI's <c>poni2</c>).</summary>
    public double Poni2M => Poni2Um / MicrometresPerMetre;

    /// <summary>Row pixel size in metres (pyFAI's <c>pixel1</c>).</summary>
    public double Pixel1M => Pixel1Um / MicrometresPerMetre;

    /// <summary>Column pixel size in metres (pyFAI's <c>pixel2</c>).</summary>
    public double Pixel2M => Pixel2Um / MicrometresPerMetre;

    /// <summary>Wavelength in metres (pyFAI's <c>wavelength</c>).</summary>
    public double WavelengthM => WavelengthNm / NanometresPerMetre;

    /// <summary>True when all three rotations are exactly zero (an untilted detector).</summary>
    public bool IsUntilted => Rot1Rad == 0.0 && Rot2Rad == 0.0 && Rot3Rad == 0.0;

    /// <summary>
    /// Builds a geometry from the SI values a pyFAI <c>.poni</c> file holds (metres and radians).
    /// </summary>
    /// <param name="distanceM">pyFAI <c>dist</c>, m.</param>
    /// <param name="poni1M">pyFAI <c>poni1</c>, m.</param>
    /// <param name="poni2M">pyFAI <c>poni2</c>, m.</param>
    /// <param name="rot1Rad">pyFAI <c>rot1</c>, rad.</param>
    /// <param name="rot2Rad">pyFAI <c>rot2</c>, rad.</param>
    /// <param name="rot3Rad">pyFAI <c>rot3</c>, rad.</param>
    /// <param name="pixel1M">pyFAI <c>pixel1</c>, m.</param>
    /// <param name="pixel2M">pyFAI <c>pixel2</c>, m.</param>
    /// <param name="wavelengthM">pyFAI <c>wavelength</c>, m.</param>
    public static PoniGeometry FromSi(
        double distanceM, double poni1M, double poni2M,
        double rot1Rad, double rot2Rad, double rot3Rad,
        double pixel1M, double pixel2M, double wavelengthM) =>
        new(distanceM * MicrometresPerMetre,
            poni1M * MicrometresPerMetre,
            poni2M * MicrometresPerMetre,
            rot1Rad, rot2Rad, rot3Rad,
            pixel1M * MicrometresPerMetre,
            pixel2M * MicrometresPerMetre,
            wavelengthM * NanometresPerMetre);

    /// <summary>
    /// The geometry describing the same experiment for the image flipped upside down (numpy <c>flipud</c>) of a
    /// detector with <paramref name="rows"/> rows: poni1' = rows·pixel1 − poni1, and the mirror y → −y turns rot2 and
    /// rot3 into −rot2 and −rot3 (rot1 is a rotation about the mirrored axis itself and is unchanged).
    /// Under the flip t1' = −t1, so q is unchanged and χ' = −χ (integration note §2.3).
    /// </summary>
    /// <param name="rows">Number of detector rows (dimension 1).</param>
    public PoniGeometry FlippedUpDown(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        return this with
        {
            Poni1Um = rows * Pixel1Um - Poni1Um,
            Rot2Rad = -Rot2Rad,
            Rot3Rad = -Rot3Rad,
        };
    }
}
