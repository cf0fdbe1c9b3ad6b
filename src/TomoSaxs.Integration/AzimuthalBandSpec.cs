using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>What a band-mean azimuthal profile I(χ) integrates (pyFAI <c>integrate_radial</c>).</summary>
/// <param name="QBandNm">The q band, nm⁻¹ (pyFAI's radial_range, radial unit q_nm^-1).</param>
/// <param name="AzimuthBins">Number of χ bins (pyFAI's npt).</param>
/// <param name="AzimuthRangeDeg">χ range, degrees in <paramref name="Convention"/>; null for the data-derived default.</param>
/// <param name="RadialBins">Radial bins inside the band (pyFAI's npt_rad); with bounding-box splitting they matter
/// at the band edges, without splitting they drop out.</param>
/// <param name="Convention">Azimuth convention of the χ axis.</param>
/// <param name="Splitting">Bounding-box splitting (pyFAI ("bbox", "csr")) or none (pyFAI ("no", "histogram")).</param>
public sealed record AzimuthalBandSpec(
    ValueRange QBandNm,
    int AzimuthBins,
    ValueRange? AzimuthRangeDeg,
    int RadialBins = 30,
    AzimuthConvention Convention = AzimuthConvention.PyFai,
    PixelSplitting Splitting = PixelSplitting.BoundingBox);
