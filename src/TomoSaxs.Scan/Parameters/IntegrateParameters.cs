namespace TomoSaxs.Scan;

/// <summary>
/// Parameters of the Integrate stage: the azimuthal profile I(χ) of the 3rd-order collagen meridional reflection
/// as a band average minus two flanking background bands (integration note §1, §3). Defaults are the reference's.
/// </summary>
/// <param name="Q0Nm">Centre of the peak band, nm⁻¹ (q0 = 6π/D with D = 66.8 nm).</param>
/// <param name="BandHalfWidthNm">Half-width of the peak band around q0, nm⁻¹.</param>
/// <param name="BackgroundBandNm">Width of each flanking background band, nm⁻¹.</param>
/// <param name="ChiBins">Number of χ bins over the analysed half χ ∈ [90°, 270°).</param>
public sealed record IntegrateParameters(double Q0Nm, double BandHalfWidthNm, double BackgroundBandNm, int ChiBins)
{
    /// <summary>The stage name under <c>stages:</c> and in <c>--set integrate.…</c>.</summary>
    public const string StageName = "integrate";

    /// <summary>The declaration of the stage's parameters with their defaults.</summary>
    public static StageSchema Schema { get; } = new(
        StageName,
        "Integrates corrected frames into I(χ) of the 3rd-order meridional reflection and I(q).",
        [
            ParameterDefinition.Number("q0_nm", 0.282179,
                "q of the 3rd-order collagen meridional reflection (peak band centre), nm⁻¹", NumericRange.Positive),
            ParameterDefinition.Number("band_half_width_nm", 0.01,
                "half-width of the peak band around q0, nm⁻¹", NumericRange.Positive),
            ParameterDefinition.Number("background_band_nm", 0.005,
                "width of each flanking background band, nm⁻¹", NumericRange.Positive),
            ParameterDefinition.Integer("chi_bins", 180,
                "number of χ bins over the analysed half χ ∈ [90°, 270°)", NumericRange.AtLeast(1)),
        ],
        CheckBands);

    /// <summary>The typed values from a scan's effective parameters.</summary>
    public static IntegrateParameters From(StageParameterSet stages)
    {
        var values = stages[StageName];
        return new IntegrateParameters(
            values.Number("q0_nm"), values.Number("band_half_width_nm"),
            values.Number("background_band_nm"), values.Integer("chi_bins"));
    }

    private static IEnumerable<string> CheckBands(StageParameters values)
    {
        // The inner background band spans q0 − half-width − background band … q0 − half-width; it must stay at q > 0.
        var innerEdge = values.Number("q0_nm") - values.Number("band_half_width_nm") - values.Number("background_band_nm");
        if (innerEdge <= 0)
        {
            yield return $"q0_nm − band_half_width_nm − background_band_nm = {ScalarText.Format(innerEdge)} nm⁻¹; " +
                "the inner background band must lie at q > 0.";
        }
    }
}
