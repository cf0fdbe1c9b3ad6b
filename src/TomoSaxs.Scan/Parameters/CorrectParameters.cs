namespace TomoSaxs.Scan;

/// <summary>
/// Parameters of the Correct stage (background-correction note §4.4 and §5 physical mode; docs/correct.md). Every
/// option of the reference GUI is a choice here; detector corrections are switchable with the reference constants
/// as defaults.
/// </summary>
/// <param name="Mode"><c>background_and_buffer</c> (I = G/d·[A_S − (1−φ)A_D − φA_B]) or <c>background</c> (G/d·(A_S − A_B)).</param>
/// <param name="BackgroundType"><c>line_scan</c> (matched by offset), <c>single_frame</c> or <c>averaged</c> (one frame, or
/// the average of the file's frames, for every sample frame); applies to the background and the buffer file.</param>
/// <param name="Chamber"><c>kapton_tube</c>, <c>kapton_cuboid</c> or <c>none</c>.</param>
/// <param name="CuboidPathUm">The cuboid's inner path along the beam, µm; auto = the tube inner diameter from geometry.</param>
/// <param name="Alignment"><c>walls</c> (offset from each scan's own Kapton-wall centre) or <c>motor</c> (motor x as is).</param>
/// <param name="OutsidePolicy">Frames outside the chamber or with zero thickness: <c>skip</c> (fill value), <c>background_only</c>
/// (G·(A_S − A_D) inside the chamber with a buffer, else G·(A_S − A_B), not divided by d) or <c>zero</c>.</param>
/// <param name="DeadTime">Apply the dead-time model.</param>
/// <param name="DeadTimePulseS">Pulse separation, s.</param>
/// <param name="DeadTimeArrivalS">Arrival separation, s.</param>
/// <param name="SelfAbsorption">Apply the self-absorption factor.</param>
/// <param name="SensorEfficiency">Divide by the sensor's angular efficiency.</param>
/// <param name="SensorMuTimesThickness">μ·t of the sensor, dimensionless.</param>
/// <param name="SolidAngle">Divide by cos³ 2θ.</param>
/// <param name="Polarisation">Divide by the polarisation factor.</param>
/// <param name="PolarisationFraction">Horizontal polarisation fraction.</param>
/// <param name="Store"><c>q_box_half</c> (the bounding box of Integrate's q range on the analysed half χ ∈ [90°, 270°),
/// plus a margin), <c>q_box</c> (the same over the whole ring) or <c>full</c>.</param>
/// <param name="BoxMarginPx">Margin around the q box, pixels.</param>
/// <param name="MaskedFill"><c>nan</c> or <c>zero</c>: the value masked pixels carry.</param>
public sealed record CorrectParameters(
    string Mode, string BackgroundType, string Chamber, AutoOrNumber CuboidPathUm, string Alignment, string OutsidePolicy,
    bool DeadTime, double DeadTimePulseS, double DeadTimeArrivalS, bool SelfAbsorption, bool SensorEfficiency,
    double SensorMuTimesThickness, bool SolidAngle, bool Polarisation, double PolarisationFraction,
    string Store, int BoxMarginPx, string MaskedFill)
{
    /// <summary>The stage name under <c>stages:</c> and in <c>--set correct.…</c>.</summary>
    public const string StageName = "correct";

    /// <summary>The declaration of the stage's parameters with their defaults.</summary>
    public static StageSchema Schema { get; } = new(
        StageName,
        "Corrects SAXS frames for flux, detector, empty tube, buffer and sample thickness.",
        [
            ParameterDefinition.Choice("mode", "background_and_buffer", ["background_and_buffer", "background"],
                "subtract the empty-tube background and the displaced buffer, or the background only"),
            ParameterDefinition.Choice("background_type", "line_scan", ["line_scan", "single_frame", "averaged"],
                "background/buffer files: line scans matched by offset, one frame, or the average of all frames"),
            ParameterDefinition.Choice("chamber", "kapton_tube", ["kapton_tube", "kapton_cuboid", "none"],
                "sample environment: Kapton tube (chord by offset), Kapton cuboid (constant path) or none"),
            ParameterDefinition.AutoOrNumber("cuboid_path_um", AutoOrNumber.Auto,
                "inner path of a Kapton cuboid along the beam, µm (auto = tube inner diameter)", NumericRange.Positive),
            ParameterDefinition.Choice("alignment", "walls", ["walls", "motor"],
                "match frames by offset from each scan's Kapton-wall centre, or by motor x"),
            ParameterDefinition.Choice("outside_policy", "skip", ["skip", "background_only", "zero"],
                "frames outside the chamber or with zero thickness: fill value, background-only (no /d), or zeros"),
            ParameterDefinition.Boolean("dead_time", false, "apply the paralysable dead-time model (Pilatus corrects its own rate)"),
            ParameterDefinition.Number("dead_time_pulse_s", 2e-6, "dead-time pulse separation, s", NumericRange.NonNegative),
            ParameterDefinition.Number("dead_time_arrival_s", 3e-6, "dead-time arrival separation, s", NumericRange.NonNegative),
            ParameterDefinition.Boolean("self_absorption", true, "apply the flat-sample self-absorption factor"),
            ParameterDefinition.Boolean("sensor_efficiency", true, "divide by the sensor's angular efficiency 1 − exp(−μt/cos2θ)"),
            ParameterDefinition.Number("sensor_mu_t", 0.85e-3, "μ·t of the sensor, dimensionless (reference 0.85 × 1e-3)", NumericRange.Positive),
            ParameterDefinition.Boolean("solid_angle", true, "divide by cos³ 2θ"),
            ParameterDefinition.Boolean("polarisation", true, "divide by the polarisation factor"),
            ParameterDefinition.Number("polarisation_fraction", 0.5, "horizontal polarisation fraction (0.5 = unpolarised)", NumericRange.Between(0, 1)),
            ParameterDefinition.Choice("store", "q_box_half", ["q_box_half", "q_box", "full"],
                "store the bounding box of Integrate's q range (on the analysed half χ 90°–270°, or the whole ring) plus a margin, or the full frame"),
            ParameterDefinition.Integer("box_margin_px", 8, "margin around the q box, pixels", NumericRange.AtLeast(0)),
            ParameterDefinition.Choice("masked_fill", "nan", ["nan", "zero"], "value written on masked pixels"),
        ],
        Check);

    /// <summary>The typed values from a scan's effective parameters.</summary>
    public static CorrectParameters From(StageParameterSet stages)
    {
        var v = stages[StageName];
        return new CorrectParameters(
            v.Text("mode"), v.Text("background_type"), v.Text("chamber"), v.AutoOrNumber("cuboid_path_um"), v.Text("alignment"),
            v.Text("outside_policy"), v.Boolean("dead_time"), v.Number("dead_time_pulse_s"), v.Number("dead_time_arrival_s"),
            v.Boolean("self_absorption"), v.Boolean("sensor_efficiency"), v.Number("sensor_mu_t"), v.Boolean("solid_angle"),
            v.Boolean("polarisation"), v.Number("polarisation_fraction"), v.Text("store"), v.Integer("box_margin_px"), v.Text("masked_fill"));
    }

    private static IEnumerable<string> Check(StageParameters values)
    {
        if (values.Text("chamber") == "none" && values.Text("mode") == "background_and_buffer")
        {
            yield return "chamber: none holds no buffer to displace; use mode: background.";
        }

        if (values.Text("chamber") != "kapton_tube" && values.Text("alignment") == "walls" && values.Text("background_type") == "line_scan")
        {
            yield return $"alignment: walls needs Kapton tube walls in the frame sums; with chamber: {values.Text("chamber")} use alignment: motor.";
        }
    }
}
