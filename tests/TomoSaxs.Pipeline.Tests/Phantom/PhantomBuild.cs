using TomoSaxs.Phantom;
using TomoSaxs.Phantom.Tests;
using TomoSaxs.Pipeline.Tests.BuildGraph;

namespace TomoSaxs.Pipeline.Tests.Phantom;

/// <summary>
/// A <see cref="PipelineBuild"/> of the phantom tests' tiny synthetic scan (3 angles × 2 slices of 100 × 64 px
/// frames), whose raw files go to <c>scans/demo/raw/</c> beside its scan.yaml, as its raw section says.
/// </summary>
internal static class PhantomBuild
{
    public static PipelineBuild Create() =>
        new(TinyScan.Yaml().Replace($"name: {TinyScan.Name}", $"name: {PipelineBuild.ScanName}", StringComparison.Ordinal));

    /// <summary>The raw folder, relative to the build's root as <see cref="PipelineBuild.Snapshot"/> names files.</summary>
    public const string RawPrefix = "scans/demo/raw/";

    public const string TruthPrefix = "artifacts/demo/truth/";

    public const string PartsPrefix = "artifacts/demo/phantom/parts/";

    public static readonly string[] SaxsFiles = ["saxs/i22-200001.nxs", "saxs/i22-200002.nxs", "saxs/i22-200003.nxs"];

    public static string Raw(this PipelineBuild build, string relative) => Path.Combine(build.ScanFolder, "raw", relative);

    public static string Part(this PipelineBuild build, int slice) =>
        PhantomScan.SlicePartPath(build.Artifact("phantom/parts"), slice);

    public static string Truth(this PipelineBuild build) => build.Artifact("truth");
}
