using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Formats.Nexus;

/// <summary>The library call behind <c>tomosaxs inspect FILE [--json]</c>.</summary>
public static class NexusInspector
{
    /// <summary>Inspects a NeXus/HDF5 file: its tree, and its I22 scan fields when it is one.</summary>
    /// <exception cref="DataFileException">The file is missing, not HDF5, truncated or unreadable.</exception>
    public static InspectionReport Inspect(string filePath)
    {
        var root = Hdf5Inspector.Inspect(filePath);
        var bytes = new FileInfo(filePath).Length;
        try
        {
            using var scan = I22Scan.Open(filePath);
            return new InspectionReport(filePath, bytes, root, I22ScanSummary.Of(scan), null);
        }
        catch (DataFileException exception)
        {
            var where = exception.Item is null ? string.Empty : $"{exception.Item}: ";
            return new InspectionReport(filePath, bytes, root, null, where + exception.Cause);
        }
    }
}
