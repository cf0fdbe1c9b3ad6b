namespace TomoSaxs.Formats.Nexus;

/// <summary>Which of the two I22 NeXus layouts a scan file uses (background-correction note §3).</summary>
public enum I22LayoutKind
{
    /// <summary>The usual layout: everything under the first top-level group (normally "entry1").</summary>
    EntryGroup,

    /// <summary>The flat legacy layout, recognised by a first top-level key "I0_data".</summary>
    LegacyFlat,
}

/// <summary>The dataset paths of one I22 scan file, for either layout.</summary>
/// <param name="Kind">The layout.</param>
/// <param name="Entry">The entry group path ("/entry1"), or "/" for the flat layout.</param>
/// <param name="Frames">Detector frames [slices, positions, rows, columns] or, for a line scan, [positions, rows, columns].</param>
/// <param name="FrameSums">Total counts per frame.</param>
/// <param name="XPositions">Candidate paths of the x position of each column (first existing one is used).</param>
/// <param name="YPositions">Candidate paths of the y position of each slice (may all be absent).</param>
/// <param name="CountTime">Exposure time, scalar or per point.</param>
/// <param name="IncidentFlux">I0 readings [.., readings, channels]; I0 is channel 5.</param>
/// <param name="TransmittedFlux">Beam-stop diode readings [.., readings, channels]; the transmitted flux is channel 1.</param>
public sealed record I22Layout(
    I22LayoutKind Kind,
    string Entry,
    string Frames,
    string FrameSums,
    IReadOnlyList<string> XPositions,
    IReadOnlyList<string> YPositions,
    string CountTime,
    string IncidentFlux,
    string TransmittedFlux)
{
    /// <summary>The channel of <see cref="IncidentFlux"/> that holds I0.</summary>
    public const int IncidentFluxChannel = 5;

    /// <summary>The channel of <see cref="TransmittedFlux"/> that holds the transmitted (beam-stop) flux.</summary>
    public const int TransmittedFluxChannel = 1;

    /// <summary>The first top-level key that marks the flat legacy layout.</summary>
    public const string LegacyMarker = "I0_data";

    /// <summary>The paths of the usual layout under entry group <paramref name="entry"/>.</summary>
    public static I22Layout ForEntry(string entry) => new(
        I22LayoutKind.EntryGroup,
        entry,
        $"{entry}/SAXS/data",
        $"{entry}/SAXS_sum/sum",
        [$"{entry}/SAXS_sum/base_x_value_set", $"{entry}/SAXS_sum/p1xy_x_value_set"],
        [$"{entry}/SAXS_sum/base_y_value_set", $"{entry}/SAXS_sum/p1xy_y_value_set"],
        $"{entry}/instrument/SAXS/count_time",
        $"{entry}/I0/data",
        $"{entry}/BSDIODES/data");

    /// <summary>The paths of the flat legacy layout. Its OAV_data holds the transmitted flux (channel 1) as the
    /// reference code reads it; the name is odd and worth confirming with beamline staff.</summary>
    public static I22Layout LegacyFlatLayout { get; } = new(
        I22LayoutKind.LegacyFlat,
        "/",
        "/data",
        "/sum",
        ["/base_x_value_set"],
        [],
        "/count_time",
        "/I0_data",
        "/OAV_data");
}
