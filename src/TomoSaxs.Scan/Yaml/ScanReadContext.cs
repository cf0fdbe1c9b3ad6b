using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Scan;

/// <summary>
/// What every reader of a scan.yaml section shares: the file (for messages), the scan folder (relative paths are
/// resolved against it), whether paths must exist now, and the list collecting problems.
/// </summary>
public sealed class ScanReadContext
{
    /// <summary>Creates a context for <paramref name="definitionFile"/>.</summary>
    public ScanReadContext(string definitionFile, ScanProblemList problems, bool checkPathsExist)
    {
        DefinitionFile = Path.GetFullPath(definitionFile);
        ScanFolder = Path.GetDirectoryName(DefinitionFile) ?? DefinitionFile;
        Problems = problems;
        CheckPathsExist = checkPathsExist;
    }

    /// <summary>The scan.yaml being read (absolute).</summary>
    public string DefinitionFile { get; }

    /// <summary>The folder holding scan.yaml; relative paths are resolved against it.</summary>
    public string ScanFolder { get; }

    /// <summary>Where problems are collected.</summary>
    public ScanProblemList Problems { get; }

    /// <summary>Whether paths read through this context must exist now.</summary>
    public bool CheckPathsExist { get; }

    /// <summary>The same context with a different existence policy (raw inputs of a phantom do not exist yet).</summary>
    public ScanReadContext WithPathChecks(bool checkPathsExist) =>
        checkPathsExist == CheckPathsExist ? this : new ScanReadContext(DefinitionFile, Problems, checkPathsExist);

    /// <summary>Records a problem in this file at <paramref name="node"/>'s position.</summary>
    public void Report(string keyPath, string message, YamlNode? node) =>
        Problems.Add(DefinitionFile, keyPath, message, node);

    /// <summary>
    /// <paramref name="text"/> as an absolute path (relative paths are taken from the scan folder); when existence
    /// is checked and the path does not exist as <paramref name="kind"/>, a problem is recorded and null returned.
    /// </summary>
    public string? ResolvePath(string text, PathKind kind, string keyPath, YamlNode node)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            Report(keyPath, $"the path is empty; expected {ExpectedPath(kind)}.", node);
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(Path.IsPathRooted(trimmed) ? trimmed : Path.Combine(ScanFolder, trimmed));
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Report(keyPath, $"'{trimmed}' is not a valid path: {error.Message}", node);
            return null;
        }

        if (!CheckPathsExist)
        {
            return full;
        }

        var isFile = File.Exists(full);
        var isFolder = Directory.Exists(full);
        var relativeNote = Path.IsPathRooted(trimmed) ? "" : $" (relative paths start at the scan folder {ScanFolder})";
        var problem = (kind, isFile, isFolder) switch
        {
            (_, false, false) => $"{Describe(kind)} '{full}' does not exist{relativeNote}.",
            (PathKind.File, false, true) => $"expected a file, but '{full}' is a folder.",
            (PathKind.Folder, true, false) => $"expected a folder, but '{full}' is a file.",
            _ => null,
        };
        if (problem is not null)
        {
            Report(keyPath, problem, node);
            return null;
        }

        return full;
    }

    /// <summary>"a file path", "a folder path", …, for "expected …" messages.</summary>
    public static string ExpectedPath(PathKind kind) => kind switch
    {
        PathKind.File => "a file path",
        PathKind.Folder => "a folder path",
        _ => "the path of a TIFF stack folder or multi-page TIFF",
    };

    /// <summary>"the file", "the folder" or "the TIFF stack folder or file", for messages.</summary>
    public static string Describe(PathKind kind) => kind switch
    {
        PathKind.File => "the file",
        PathKind.Folder => "the folder",
        _ => "the TIFF stack folder or file",
    };
}
