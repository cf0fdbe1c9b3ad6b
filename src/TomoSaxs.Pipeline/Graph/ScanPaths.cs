using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline;

/// <summary>
/// Declared stage files whose paths only the scan knows. A <c>StageInput</c>/<c>StageOutput</c> whose path is
/// <c>{scan:raw.mask}</c> stands for the file scan.yaml names at that key (<c>raw.saxs.files</c> for every SAXS
/// file), so a stage writing or reading raw files (the Phantom stage) can declare them although a .targets file
/// cannot read scan.yaml. <c>PrepareScan</c> replaces such items by the paths before anything runs.
/// </summary>
public static class ScanPaths
{
    private const string Prefix = "{scan:";

    /// <summary>The keys a declaration may name.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["raw.fibres.padding", "raw.waxs_map", "raw.saxs.files", "raw.background", "raw.buffer", "raw.mask", "raw.calibration"];

    /// <summary>Whether <paramref name="declared"/> is a <c>{scan:key}</c> path.</summary>
    public static bool IsScanPath(string declared) =>
        declared.StartsWith(Prefix, StringComparison.Ordinal) && declared.EndsWith('}');

    /// <summary>
    /// The absolute paths <paramref name="declared"/> (<c>{scan:key}</c>) stands for in <paramref name="scan"/>; none
    /// when the scan leaves an optional key out (the stage that needs the file says so when it runs, and scans that
    /// never run it, such as a measured scan without a buffer line scan, are not refused).
    /// </summary>
    /// <exception cref="StageGraphException">The key is not one of <see cref="Keys"/>.</exception>
    public static IReadOnlyList<string> Resolve(string declared, ScanDefinition scan)
    {
        var key = declared[Prefix.Length..^1];
        var raw = scan.Raw;
        IReadOnlyList<string?> paths = key switch
        {
            "raw.fibres.padding" => [raw.Fibres.Padding],
            "raw.waxs_map" => [raw.WaxsMap],
            "raw.saxs.files" => [.. raw.Saxs.Files],
            "raw.background" => [raw.Background],
            "raw.buffer" => [raw.Buffer],
            "raw.mask" => [raw.Mask],
            "raw.calibration" => [raw.Calibration],
            _ => throw new StageGraphException([$"{declared} names no scan file; a declaration may name {string.Join(", ", Keys)}."]),
        };
        return paths.OfType<string>().Select(Path.GetFullPath).ToList();
    }
}
