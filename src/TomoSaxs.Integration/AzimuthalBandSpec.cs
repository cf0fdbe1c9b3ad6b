using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>What a band-mean azimuthal profile I(χ) integrates (pyFAI <c>integrate_radial</c>).</summary>
/// <param name="QBandNm">The q band, nm⁻¹ (pyFAI's radial_range, radial unit q_nm^-1).</param>
/// <param name="AzimuthBins">Number of χ bins (pyFAI's npt).</param>
/// <param name="AzimuthRangeDeg">χ range, degrees in <paramref name="Convention"/>; null for the data-derived default.</param>
/// <param name="RadialBins">Radial bins inside the band (pyFAI's npt_rad); they only matter at the band edges.</param>
/// <param name="Convention">Azimuth convention of the χ axis.</param>
public sealed record AzimuthalBandSpec(
    ValueRange QBandNm,
    int AzimuthBins,
    ValueRange? AzimuthRangeDeg,
    int RadialBins = 30,
    AzimuthConvention Convention = AzimuthConvention.PyFai);
