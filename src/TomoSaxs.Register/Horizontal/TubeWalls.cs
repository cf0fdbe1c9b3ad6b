using TomoSaxs.Calibrate.Estimates;

namespace TomoSaxs.Register.Horizontal;

/// <summary>
/// The Kapton tube in one angle's SAXS raster (registration note §5.5, §11.4): the two wall peaks in the frame
/// sums, where the beam runs tangent to the inner wall surface and crosses the longest Kapton chord, and the tube
/// centre between them. The centre is what registration uses; it does not depend on which wall is which.
/// </summary>
/// <param name="LeftUm">The lower-x wall peak, motor µm (NaN if only the other wall was seen).</param>
/// <param name="RightUm">The higher-x wall peak, motor µm (NaN if only the other wall was seen).</param>
/// <param name="CentreUm">The tube centre's raster coordinate, motor µm.</param>
/// <param name="LeftProminence">The left peak over the profile's median, in units of the profile's maximum (0…1).</param>
/// <param name="RightProminence">The same for the right peak.</param>
/// <param name="Source">Found or pinned.</param>
public sealed record TubeWalls(double LeftUm, double RightUm, double CentreUm, double LeftProminence, double RightProminence, EstimateSource Source)
{
    /// <summary>Peak-to-peak distance, µm: about the tube's inner diameter (NaN with one wall).</summary>
    public double SeparationUm => RightUm - LeftUm;

    /// <summary>Whether both walls were seen (with one, the centre rests on the expected radius).</summary>
    public bool BothWalls => double.IsFinite(LeftUm) && double.IsFinite(RightUm);

    /// <summary>A centre given by the scan definition.</summary>
    public static TubeWalls Pinned(double centreUm) => new(double.NaN, double.NaN, centreUm, double.NaN, double.NaN, EstimateSource.Pinned);
}
