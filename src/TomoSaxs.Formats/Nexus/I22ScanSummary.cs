namespace TomoSaxs.Formats.Nexus;

/// <summary>
/// The resolved fields of an I22 scan, for <c>tomosaxs inspect</c>. Fields that could not be read are null,
/// with the reason in <see cref="Problems"/>.
/// </summary>
/// <param name="Layout">The layout (entry group or flat legacy).</param>
/// <param name="Entry">The entry group path ("/" for the flat layout).</param>
/// <param name="FramesPath">The frames dataset.</param>
/// <param name="FramesShape">The frames' dimensions.</param>
/// <param name="FrameElementType">The frames' stored element type.</param>
/// <param name="FrameFilters">The frames' filters as "name (id)".</param>
/// <param name="IsLineScan">Whether the frames are a line scan.</param>
/// <param name="Slices">Raster slices.</param>
/// <param name="Positions">Positions per slice.</param>
/// <param name="FrameRows">Detector rows.</param>
/// <param name="FrameColumns">Detector columns.</param>
/// <param name="XPositionsUm">The x position of each beam position, µm.</param>
/// <param name="YPositionsUm">The y position of each slice, µm, when recorded.</param>
/// <param name="CountTimeMinS">The shortest exposure, s.</param>
/// <param name="CountTimeMaxS">The longest exposure, s.</param>
/// <param name="IncidentFluxShape">The shape [slices, positions] of the I0 means.</param>
/// <param name="IncidentFluxAverage">The average of the I0 means over all frames.</param>
/// <param name="TransmittedFluxShape">The shape [slices, positions] of the transmitted-flux means.</param>
/// <param name="TransmittedFluxAverage">The average of the transmitted-flux means over all frames.</param>
/// <param name="Problems">What could not be read, one line per field.</param>
public sealed record I22ScanSummary(
    I22LayoutKind Layout,
    string Entry,
    string FramesPath,
    IReadOnlyList<long> FramesShape,
    string FrameElementType,
    IReadOnlyList<string> FrameFilters,
    bool IsLineScan,
    int Slices,
    int Positions,
    int FrameRows,
    int FrameColumns,
    IReadOnlyList<double>? XPositionsUm,
    IReadOnlyList<double>? YPositionsUm,
    double? CountTimeMinS,
    double? CountTimeMaxS,
    IReadOnlyList<int>? IncidentFluxShape,
    double? IncidentFluxAverage,
    IReadOnlyList<int>? TransmittedFluxShape,
    double? TransmittedFluxAverage,
    IReadOnlyList<string> Problems)
{
    /// <summary>Reads the summary of an open scan; unreadable fields become problems, not exceptions.</summary>
    public static I22ScanSummary Of(I22Scan scan)
    {
        var problems = new List<string>();
        var x = Try(problems, "x positions", scan.ReadXPositionsUm);
        var y = Try(problems, "y positions", scan.ReadYPositionsUm);
        var counts = Try(problems, "count time", scan.ReadCountTimesS);
        var incident = Try(problems, "I0", scan.ReadIncidentFlux);
        var transmitted = Try(problems, "transmitted flux", scan.ReadTransmittedFlux);
        return new I22ScanSummary(
            scan.Layout.Kind,
            scan.Layout.Entry,
            scan.Frames.Path,
            scan.Frames.Shape,
            scan.Frames.TypeDescription,
            [.. scan.Frames.Filters.Select(filter => $"{filter.Name} ({filter.Id})")],
            scan.IsLineScan,
            scan.Slices,
            scan.Positions,
            scan.FrameRows,
            scan.FrameColumns,
            x,
            y,
            counts?.Values.Min(),
            counts?.Values.Max(),
            incident is null ? null : [incident.Slices, incident.Positions],
            incident?.Values.Average(),
            transmitted is null ? null : [transmitted.Slices, transmitted.Positions],
            transmitted?.Values.Average(),
            problems);
    }

    private static T? Try<T>(List<string> problems, string field, Func<T?> read) where T : class
    {
        try
        {
            return read();
        }
        catch (DataFileException exception)
        {
            problems.Add($"{field}: {exception.Item ?? exception.FilePath}: {exception.Cause}");
            return null;
        }
    }
}
