using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>What a 1-D radial profile I(q) integrates (pyFAI <c>integrate1d_ng</c>).</summary>
/// <param name="Bins">Number of q bins.</param>
/// <param name="Splitting">Histogram (pyFAI ("no", "histogram")) or bounding-box splitting (pyFAI ("bbox", "csr")).</param>
/// <param name="QRangeNm">q range in nm⁻¹; null for pyFAI's data-derived default.</param>
/// <param name="AzimuthRangeDeg">χ range in degrees (in <paramref name="Convention"/>); null for the whole detector.</param>
/// <param name="Convention">The azimuth convention <paramref name="AzimuthRangeDeg"/> is expressed in.</param>
public sealed record RadialProfileSpec(
    int Bins,
    PixelSplitting Splitting = PixelSplitting.BoundingBox,
    ValueRange? QRangeNm = null,
    ValueRange? AzimuthRangeDeg = null,
    AzimuthConvention Convention = AzimuthConvention.PyFai);
