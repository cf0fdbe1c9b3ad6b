using System.Globalization;
using System.Text;
using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Formats.Nexus;

/// <summary>Formats an <see cref="InspectionReport"/> as indented text for <c>tomosaxs inspect</c>.</summary>
public static class InspectionText
{
    private const int MaxListed = 8;

    /// <summary>The report as text, one object per line, attributes indented beneath it.</summary>
    public static string Format(InspectionReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.FilePath} ({report.FileBytes} bytes)");
        AppendNode(text, report.Root, depth: 0);
        text.AppendLine();
        if (report.Scan is { } scan)
        {
            AppendScan(text, scan);
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Not an I22 scan: {report.NotAScanBecause}");
        }

        return text.ToString();
    }

    private static void AppendNode(StringBuilder text, Hdf5Node node, int depth)
    {
        var indent = new string(' ', 2 * depth);
        var line = new StringBuilder(indent).Append(node.Kind == Hdf5ObjectKind.Group && node.Name != "/" ? node.Name + "/" : node.Name);
        if (node.Kind == Hdf5ObjectKind.Dataset && node.Shape is not null)
        {
            line.Append("  ").Append(node.ElementType).Append(' ').Append(node.Shape.Count == 0 ? "scalar" : Hdf5Dataset.FormatShape(node.Shape));
            if (node.ChunkShape is not null)
            {
                line.Append("  chunks ").Append(Hdf5Dataset.FormatShape(node.ChunkShape));
            }

            if (node.Filters is { Count: > 0 } filters)
            {
                line.Append("  filters: ").AppendJoin(", ", filters.Select(f => $"{f.Name} ({f.Id}){(f.CanDecode ? string.Empty : " NOT DECODABLE")}"));
            }
        }
        else if (node.Kind is Hdf5ObjectKind.Datatype or Hdf5ObjectKind.UnresolvedLink)
        {
            line.Append("  (").Append(node.Kind == Hdf5ObjectKind.Datatype ? "named datatype" : "unresolved link").Append(')');
        }

        if (node.Link is { } link)
        {
            line.Append(link.Kind == Hdf5LinkKind.External ? $"  -> {link.File}:{link.ObjectPath} (external link)" : $"  -> {link.ObjectPath} (soft link)");
        }

        if (node.Problem is not null)
        {
            line.Append("  !! ").Append(node.Problem);
        }

        text.AppendLine(line.ToString());
        foreach (var attribute in node.Attributes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{indent}  @{attribute.Name} = {FormatValue(attribute.Value)}");
        }

        foreach (var child in node.Children)
        {
            AppendNode(text, child, depth + 1);
        }
    }

    private static void AppendScan(StringBuilder text, I22ScanSummary scan)
    {
        var kind = scan.IsLineScan ? $"line scan of {scan.Positions} positions" : $"map of {scan.Slices} slices × {scan.Positions} positions";
        text.AppendLine(CultureInfo.InvariantCulture, $"I22 scan ({(scan.Layout == I22LayoutKind.LegacyFlat ? "flat legacy layout" : $"entry {scan.Entry}")}): {kind}");
        var filters = scan.FrameFilters.Count > 0 ? $"  filters: {string.Join(", ", scan.FrameFilters)}" : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  frames: {scan.FramesPath}  {scan.FrameElementType} {Hdf5Dataset.FormatShape(scan.FramesShape)}  ({scan.FrameRows} × {scan.FrameColumns} pixels){filters}");
        if (scan.XPositionsUm is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  x positions (µm): {FormatList(scan.XPositionsUm)}");
        }

        if (scan.YPositionsUm is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  y positions (µm): {FormatList(scan.YPositionsUm)}");
        }

        if (scan.CountTimeMinS is { } min && scan.CountTimeMaxS is { } max)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  count time (s): {(min == max ? Number(min) : $"{Number(min)} – {Number(max)}")}");
        }

        if (scan.IncidentFluxShape is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  I0 (channel 5 means): {FormatShape(scan.IncidentFluxShape)}, average {Number(scan.IncidentFluxAverage!.Value)}");
        }

        if (scan.TransmittedFluxShape is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  transmitted flux (channel 1 means): {FormatShape(scan.TransmittedFluxShape)}, average {Number(scan.TransmittedFluxAverage!.Value)}");
        }

        foreach (var problem in scan.Problems)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  !! {problem}");
        }
    }

    private static string FormatValue(object value) => value switch
    {
        string s => $"\"{s}\"",
        double d => Number(d),
        long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string[] strings => "[" + string.Join(", ", strings.Take(MaxListed).Select(s => $"\"{s}\"")) + (strings.Length > MaxListed ? ", …]" : "]"),
        double[] doubles => "[" + FormatList(doubles) + "]",
        long[] longs => "[" + string.Join(", ", longs.Take(MaxListed)) + (longs.Length > MaxListed ? ", …" : string.Empty) + "]",
        ulong[] ulongs => "[" + string.Join(", ", ulongs.Take(MaxListed)) + (ulongs.Length > MaxListed ? ", …" : string.Empty) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string FormatList(IReadOnlyList<double> values) =>
        string.Join(", ", values.Take(MaxListed).Select(Number)) + (values.Count > MaxListed ? $", … ({values.Count} values)" : string.Empty);

    private static string FormatShape(IReadOnlyList<int> shape) => "[" + string.Join(", ", shape) + "]";

    private static string Number(double value) => value.ToString("G10", CultureInfo.InvariantCulture);
}
