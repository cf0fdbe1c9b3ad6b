namespace TomoSaxs.Scan;

/// <summary>
/// Parameters of the Register stage (CT ↔ tomoSAXS registration, registration note §5 and §11).
/// </summary>
/// <param name="VerticalOffsetUm">
/// Vertical shift between the CT frame and the SAXS raster, µm: "auto" finds it by matching the coarse WAXS map to
/// the inverted CT map (registration note §9, replacing the reference's clicked landmark); a number pins it.
/// </param>
public sealed record RegisterParameters(AutoOrNumber VerticalOffsetUm)
{
    /// <summary>The stage name under <c>stages:</c> and in <c>--set register.…</c>.</summary>
    public const string StageName = "register";

    /// <summary>The declaration of the stage's parameters with their defaults.</summary>
    public static StageSchema Schema { get; } = new(
        StageName,
        "Registers the CT fibre volumes to the SAXS beam paths at every rotation angle.",
        [
            ParameterDefinition.AutoOrNumber(
                "vertical_offset_um", Scan.AutoOrNumber.Auto,
                "vertical shift between CT and SAXS raster, µm; auto = found by matching the WAXS map to the CT map"),
        ]);

    /// <summary>The typed values from a scan's effective parameters.</summary>
    public static RegisterParameters From(StageParameterSet stages)
    {
        var values = stages[StageName];
        return new RegisterParameters(values.AutoOrNumber("vertical_offset_um"));
    }
}
