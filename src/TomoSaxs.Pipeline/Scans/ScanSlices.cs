using YamlDotNet.RepresentationModel;
using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline;

/// <summary>
/// How many slices (raster rows) a scan has. A synthetic scan states it as <c>phantom.slices</c>, because its raw
/// files do not exist until the Phantom stage writes them and a plan must list the slices before that. A measured
/// scan's count lives in its SAXS rasters; reading it needs the NeXus reader, which the pipeline does not have yet,
/// so for a measured scan the count is unknown and only builds that need slices fail, with a message saying so.
/// </summary>
public static class ScanSlices
{
    /// <summary>The key under <c>phantom:</c> that gives a synthetic scan's slice count.</summary>
    public const string PhantomKey = "slices";

    /// <summary>The slice count of <paramref name="scan"/>.</summary>
    /// <exception cref="ScanDefinitionException">The count is missing, malformed, or cannot be known yet.</exception>
    public static int Count(ScanDefinition scan)
    {
        if (scan.Phantom is not { } phantom)
        {
            throw Problem(scan, "raw.saxs", null,
                "the slice count of a measured scan comes from its SAXS rasters, and reading them needs the NeXus " +
                "reader, which this build does not have yet; per-slice targets can run on synthetic scans only.");
        }

        var key = new YamlScalarNode(PhantomKey);
        if (!phantom.Children.TryGetValue(key, out var node))
        {
            throw Problem(scan, $"phantom.{PhantomKey}", phantom,
                "missing; a synthetic scan states its number of slices here (a whole number ≥ 1).");
        }

        if (node is YamlScalarNode { Value: { } text } && ScalarText.TryInteger(text, out var count) && count >= 1)
        {
            return count;
        }

        var shown = node is YamlScalarNode { Value: { } value } ? $"'{value}'" : "a " + node.NodeType.ToString().ToLowerInvariant();
        throw Problem(scan, $"phantom.{PhantomKey}", node, $"expected the number of slices (a whole number ≥ 1), got {shown}.");
    }

    private static ScanDefinitionException Problem(ScanDefinition scan, string keyPath, YamlNode? at, string message) =>
        new(scan.DefinitionFile,
        [
            at is null
                ? new ScanProblem(scan.DefinitionFile, keyPath, message)
                : new ScanProblem(scan.DefinitionFile, keyPath, message, (int)at.Start.Line, (int)at.Start.Column),
        ]);
}
