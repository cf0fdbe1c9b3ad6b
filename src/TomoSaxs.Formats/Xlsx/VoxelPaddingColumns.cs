using System.Text.RegularExpressions;

namespace TomoSaxs.Formats.Xlsx;

/// <summary>
/// The column headers of <c>vox_padding.xlsx</c>, spelled as in the reference sheet. Columns are found by header
/// text, ignoring case and runs of white space, never by position.
/// </summary>
internal static partial class VoxelPaddingColumns
{
    public const string Sample = "sample";
    public const string StartX = "x padding (new voxels)";
    public const string StartY = "y padding (new voxels)";
    public const string StartZ = "z padding (new voxels)";
    public const string EndX = "X bottom pad (new voxels)";
    public const string EndY = "Y bottom pad (new voxels)";
    public const string EndZ = "Z bottom pad (new voxels)";

    /// <summary>Every column, in the order the reference sheet has them.</summary>
    public static IReadOnlyList<string> All { get; } = [Sample, StartX, StartY, StartZ, EndX, EndY, EndZ];

    /// <summary>Lower-case with white space collapsed to single spaces and trimmed, for matching headers.</summary>
    public static string Normalise(string header) => WhiteSpace().Replace(header.Trim(), " ").ToLowerInvariant();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
