using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>What a 2-D "cake" I(χ, q) integrates (pyFAI <c>integrate2d_ng</c>).</summary>
/// <param name="RadialBins">Number of q bins.</param>
/// <param name="AzimuthBins">Number of χ bins.</param>
/// <param name="QRangeNm">q range, nm⁻¹; null for pyFAI's data-derived default (see <paramref name="Splitting"/>).</param>
/// <param name="AzimuthRangeDeg">χ range, degrees in <paramref name="Convention"/>; null for the data-derived
/// default: with bounding-box splitting min(χ − Δχ) … max(χ + Δχ) over unmasked pixels, clipped to the convention's
/// 2π interval; without splitting min(χ) … max(χ) over all pixel centres.</param>
/// <param name="Convention">Azimuth convention of the χ axis.</param>
/// <param name="Splitting">Bounding-box splitting (pyFAI ("bbox", "csr")) or none (pyFAI ("no", "histogram")).</param>
public sealed record CakeSpec(
    int RadialBins,
    int AzimuthBins,
    ValueRange? QRangeNm = null,
    ValueRange? AzimuthRangeDeg = null,
    AzimuthConvention Convention = AzimuthConvention.PyFai,
    PixelSplitting Splitting = PixelSplitting.BoundingBox);
