using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline;

/// <summary>
/// Declared stage files whose paths only the scan knows. A <c>StageInput</c>/<c>StageOutput</c> whose path is
/// <c>{scan:raw.mask}</c> stands for the file scan.yaml names at that key (<c>raw.saxs.files</c> for every SAXS
/// file, a TIFF stack key such as <c>raw.ct.high_res</c> for the stack's slice files), so a stage writing or reading raw files (the Phantom stage) can declare them although a .targets file
/// cannot read scan.yaml. <c>PrepareScan</c> replaces such items by the paths before anything runs.
/// </summary>
public static class ScanPaths
{
    private const string Prefix = "{scan:";

    /// <summary>The keys a declaration may name.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["raw.fibres.padding", "raw.waxs_map", "raw.saxs.files", "raw.background", "raw.buffer", "raw.mask", "raw.calibration",
         "raw.ct.high_res", "raw.ct.low_res", "raw.fibres.theta", "raw.fibres.phi", "raw.fibres.index"];

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
            "raw.ct.high_res" => StackFiles(raw.Ct.HighRes),
            "raw.ct.low_res" => StackFiles(raw.Ct.LowRes),
            "raw.fibres.theta" => StackFiles(raw.Fibres.Theta),
            "raw.fibres.phi" => StackFiles(raw.Fibres.Phi),
            "raw.fibres.index" => StackFiles(raw.Fibres.Index),
            _ => throw new StageGraphException([$"{declared} names no scan file; a declaration may name {string.Join(", ", Keys)}."]),
        };
        return paths.OfType<string>().Select(Path.GetFullPath).ToList();
    }

    // A TIFF stack is a folder, which MSBuild cannot compare: it stands for its .tif/.tiff files (the wildcard
    // docs/build-graph.md asks for), as they are when the build is prepared; a multi-page TIFF stands for itself;
    // a stack not written yet stands for no file.
    private static IReadOnlyList<string?> StackFiles(string stack) =>
        Directory.Exists(stack)
            ? [.. Directory.EnumerateFiles(stack)
                .Where(file => !Path.GetFileName(file).StartsWith('.') &&
                    (file.EndsWith(".tif", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".tiff", StringComparison.OrdinalIgnoreCase)))
                .Order(StringComparer.Ordinal)]
            : File.Exists(stack) ? [stack] : [];
}
