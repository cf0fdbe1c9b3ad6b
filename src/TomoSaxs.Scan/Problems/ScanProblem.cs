namespace TomoSaxs.Scan;

/// <summary>
/// One thing wrong with a scan definition: where it came from (the scan.yaml path, or the <c>--set</c> argument),
/// the key path inside the definition (e.g. <c>raw.saxs.files[3]</c>), what was expected, and the line and column
/// in the file when known (1-based).
/// </summary>
/// <param name="Source">The scan.yaml path, or <c>--set stage.param=value</c> for a command-line override.</param>
/// <param name="KeyPath">Dotted key path with list indices, e.g. <c>geometry.rotation_sign</c>; "" for the whole file.</param>
/// <param name="Message">What is wrong and what was expected.</param>
/// <param name="Line">1-based line in the file, or null.</param>
/// <param name="Column">1-based column in the file, or null.</param>
public sealed record ScanProblem(string Source, string KeyPath, string Message, int? Line = null, int? Column = null)
{
    /// <summary>Compiler-style text: <c>file:line:column: key.path: message</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{Source}:{line}:{Column ?? 1}" : Source;
        return KeyPath.Length == 0 ? $"{where}: {Message}" : $"{where}: {KeyPath}: {Message}";
    }
}
