using TomoSaxs.Calibrate.Estimates;

namespace TomoSaxs.Calibrate.Tube;

/// <summary>
/// The outer surface of the Kapton tube in a CT slab, in pixel coordinates of the slice (row, col of pixel
/// centres; multiply by the voxel size for µm), with the quality of the fit.
/// </summary>
/// <param name="CentreRow">Centre row, pixels.</param>
/// <param name="CentreCol">Centre column, pixels.</param>
/// <param name="RadiusPx">Outer radius, pixels.</param>
/// <param name="RmsPx">RMS distance of the inlier edge points from the circle, pixels (NaN if none were measured).</param>
/// <param name="InlierFraction">Fraction of rays whose edge point is an inlier of the fit (0…1).</param>
/// <param name="EdgePoints">Edge points found (over all slices of the slab).</param>
/// <param name="Source">Fitted or pinned.</param>
public sealed record TubeCircle(double CentreRow, double CentreCol, double RadiusPx, double RmsPx, double InlierFraction, int EdgePoints, EstimateSource Source)
{
    /// <summary>A circle given by the scan definition, not fitted.</summary>
    public static TubeCircle Pinned(double centreRow, double centreCol, double radiusPx) =>
        new(centreRow, centreCol, radiusPx, double.NaN, double.NaN, 0, EstimateSource.Pinned);
}

/// <summary>The tube circle fitted to the slices [ZStart, ZEnd) of a CT volume.</summary>
/// <param name="ZStart">First slice.</param>
/// <param name="ZEnd">One past the last slice.</param>
/// <param name="Circle">The circle.</param>
public sealed record TubeSlab(int ZStart, int ZEnd, TubeCircle Circle);
