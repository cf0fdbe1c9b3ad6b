using TomoSaxs.Formats.Nexus;
using TomoSaxs.Phantom;
using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline;

/// <summary>
/// How many slices (raster rows) a scan has. A synthetic scan's count is its phantom's <c>phantom.raster.slices</c>,
/// read through the phantom's own definition (<see cref="PhantomDefinition.SpecOf"/>), because its raw files do not
/// exist until the Phantom stage writes them and a plan must list the slices before that. A measured scan's count
/// is the number of raster rows of its first SAXS file.
/// </summary>
public static class ScanSlices
{
    /// <summary>The slice count of <paramref name="scan"/>.</summary>
    /// <exception cref="ScanDefinitionException">The phantom block is invalid, or the first SAXS file is missing or unreadable.</exception>
    public static int Count(ScanDefinition scan)
    {
        if (scan.Phantom is not null)
        {
            return PhantomDefinition.SpecOf(scan).Raster.Slices;
        }

        var first = scan.Raw.Saxs.Files.FirstOrDefault();
        if (first is null || !File.Exists(first))
        {
            throw Problem(scan, "raw.saxs.files",
                $"the slice count of a measured scan is read from its first SAXS file, {first ?? "(none given)"}, which does not exist.");
        }

        try
        {
            using var raster = I22Scan.Open(first);
            return raster.Slices;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or TomoSaxs.Formats.DataFileException)
        {
            throw Problem(scan, "raw.saxs.files", $"the slice count could not be read from {first}: {e.Message}");
        }
    }

    private static ScanDefinitionException Problem(ScanDefinition scan, string keyPath, string message) =>
        new(scan.DefinitionFile, [new ScanProblem(scan.DefinitionFile, keyPath, message)]);
}
