using Microsoft.Build.Framework;
using TomoSaxs.Pipeline;

namespace TomoSaxs.Tasks;

/// <summary>
/// Reads the stage declarations of the .targets files: <c>PipelineStage</c> items (metadata <c>Version</c>,
/// <c>Parameters</c>, <c>PerSlice</c>) and <c>StageInput</c> / <c>StageOutput</c> items (metadata <c>Stage</c>,
/// <c>Role</c>). Files with the reserved roles that Common.targets adds itself (stamps, the --force marker) are
/// not part of a stage's declaration.
/// </summary>
internal static class StageItems
{
    /// <summary>Role of the parameter stamp that Common.targets adds to every stage's inputs.</summary>
    public const string ParameterStampRole = "parameter-stamp";

    /// <summary>Role of the stage-version stamp that Common.targets adds to every stage's inputs.</summary>
    public const string VersionStampRole = "version-stamp";

    /// <summary>Role of the never-written output Common.targets adds under --force so that MSBuild reruns the stage.</summary>
    public const string ForceMarkerRole = "force-marker";

    private static readonly string[] ReservedRoles = [ParameterStampRole, VersionStampRole, ForceMarkerRole];

    /// <summary>The stage graph the items declare.</summary>
    /// <exception cref="StageGraphException">The declarations are inconsistent.</exception>
    public static StageGraph Graph(ITaskItem[] stages, ITaskItem[] inputs, ITaskItem[] outputs)
    {
        var names = stages.Select(s => s.ItemSpec).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var strays = inputs.Concat(outputs)
            .Where(file => !IsReserved(file) && !names.Contains(file.GetMetadata("Stage")))
            .Select(file => $"{file.ItemSpec} names the stage '{file.GetMetadata("Stage")}', which no PipelineStage item declares.")
            .ToList();
        if (strays.Count > 0)
        {
            throw new StageGraphException(strays);
        }

        return new StageGraph(stages.Select(stage => new StageDeclaration(
            stage.ItemSpec,
            stage.GetMetadata("Version").Trim(),
            stage.GetMetadata("Parameters").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            string.Equals(stage.GetMetadata("PerSlice").Trim(), "true", StringComparison.OrdinalIgnoreCase),
            Files(inputs, stage.ItemSpec),
            Files(outputs, stage.ItemSpec))));
    }

    /// <summary>
    /// <paramref name="items"/> with every <c>{scan:key}</c> path replaced by the file(s) scan.yaml names there (see
    /// <see cref="ScanPaths"/>), metadata kept; other items unchanged.
    /// </summary>
    /// <exception cref="StageGraphException">A key is unknown or the scan does not give that file.</exception>
    public static ITaskItem[] ResolveScanPaths(ITaskItem[] items, TomoSaxs.Scan.ScanDefinition scan) =>
        items.SelectMany(item => ScanPaths.IsScanPath(item.ItemSpec)
            ? ScanPaths.Resolve(item.ItemSpec, scan).Select(path => Copy(item, path))
            : [item]).ToArray();

    /// <summary>
    /// <paramref name="inputs"/> with each per-slice input of a scan-level stage in <paramref name="stages"/> (which
    /// reads that file of every slice) replaced by the file of each of the scan's <paramref name="sliceCount"/> slices,
    /// so that MSBuild's Inputs compare them all.
    /// </summary>
    public static ITaskItem[] ExpandAllSliceInputs(ITaskItem[] inputs, IEnumerable<StageDeclaration> stages, Func<int> sliceCount)
    {
        var gathering = stages.Where(stage => stage.ReadsAllSlices).Select(stage => stage.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return inputs.SelectMany(item => gathering.Contains(item.GetMetadata("Stage")) && ArtifactLayout.IsPerSlice(item.ItemSpec)
            ? ArtifactLayout.ForAllSlices(Path.GetFullPath(item.ItemSpec), sliceCount()).Select(path => Copy(item, path))
            : [item]).ToArray();
    }

    /// <summary>The declared (not reserved) files of <paramref name="stage"/> among <paramref name="items"/>.</summary>
    public static IReadOnlyList<StageFile> Files(ITaskItem[] items, string stage) =>
        items.Where(item => !IsReserved(item) && string.Equals(item.GetMetadata("Stage"), stage, StringComparison.OrdinalIgnoreCase))
            .Select(item => new StageFile(Path.GetFullPath(item.ItemSpec), item.GetMetadata("Role")))
            .ToList();

    /// <summary>Whether <paramref name="stage"/> is forced in this build: Common.targets then declares its force-marker output.</summary>
    public static bool IsForced(ITaskItem[] outputs, string stage) =>
        outputs.Any(item => item.GetMetadata("Role") == ForceMarkerRole && string.Equals(item.GetMetadata("Stage"), stage, StringComparison.OrdinalIgnoreCase));

    private static ITaskItem Copy(ITaskItem item, string path)
    {
        var copy = new Microsoft.Build.Utilities.TaskItem(path);
        item.CopyMetadataTo(copy);
        return copy;
    }

    private static bool IsReserved(ITaskItem item) => ReservedRoles.Contains(item.GetMetadata("Role"), StringComparer.Ordinal);
}
