using System.Globalization;

namespace TomoSaxs.Pipeline;

/// <summary>
/// Where a scan's artefacts live: <c>artifacts/&lt;scan&gt;/</c> with per-slice work under <c>slices/NN/</c> and
/// the build's stamps under <c>stamps/</c>. build/Common.targets spells the same layout in MSBuild properties
/// (<c>ScanArtifacts</c>, <c>SliceArtifacts</c>, <c>StampsDirectory</c>); the two must agree.
/// </summary>
public sealed class ArtifactLayout
{
    /// <summary>
    /// Stands for the slice folder in a per-slice path declared once for all slices, e.g.
    /// <c>…/slices/{slice}/ichi.h5</c>; <see cref="ForSlice"/> replaces it.
    /// </summary>
    public const string SliceToken = "{slice}";

    /// <summary>The layout of the scan whose artefacts live in <paramref name="scanDirectory"/>.</summary>
    public ArtifactLayout(string scanDirectory) => ScanDirectory = Path.GetFullPath(scanDirectory);

    /// <summary>The scan's artefact folder, absolute.</summary>
    public string ScanDirectory { get; }

    /// <summary>The folder of stamp files.</summary>
    public string StampsDirectory => Path.Combine(ScanDirectory, "stamps");

    /// <summary>The SLURM executor's folder: one job-array script per per-slice stage, <c>logs/</c> below it.</summary>
    public string SlurmDirectory => Path.Combine(ScanDirectory, "slurm");

    /// <summary>The folder of the array tasks' logs.</summary>
    public string SlurmLogDirectory => Path.Combine(SlurmDirectory, "logs");

    /// <summary>The job-array script the SLURM executor writes for <paramref name="stage"/>.</summary>
    public string SlurmScript(string stage) => Path.Combine(SlurmDirectory, stage + ".sbatch");

    /// <summary>
    /// <paramref name="stage"/>'s array-task log name as sbatch <c>--output</c> takes it (<c>%A</c> = array job id,
    /// <c>%a</c> = task id = slice); <see cref="SlurmLog"/> gives one task's file.
    /// </summary>
    public string SlurmLogPattern(string stage) => Path.Combine(SlurmLogDirectory, stage + "_%A_%a.log");

    /// <summary>The log of <paramref name="stage"/>'s task for <paramref name="slice"/> in array job <paramref name="jobId"/>.</summary>
    public string SlurmLog(string stage, string jobId, int slice) =>
        Path.Combine(SlurmLogDirectory, string.Create(CultureInfo.InvariantCulture, $"{stage}_{jobId}_{slice}.log"));

    /// <summary>The layout of scan <paramref name="scanName"/> under <paramref name="artifactsRoot"/>.</summary>
    public static ArtifactLayout For(string artifactsRoot, string scanName) => new(Path.Combine(artifactsRoot, scanName));

    /// <summary>The slice folder's name: the number with at least two digits (<c>03</c>, <c>117</c>).</summary>
    public static string SliceFolderName(int slice)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slice);
        return slice.ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>The folder of slice <paramref name="slice"/>'s artefacts.</summary>
    public string SliceDirectory(int slice) => Path.Combine(ScanDirectory, "slices", SliceFolderName(slice));

    /// <summary>The parameter stamp of <paramref name="stage"/>: the canonical JSON of the parameters it reads.</summary>
    public string ParameterStamp(string stage) => Path.Combine(StampsDirectory, stage + ".parameters.json");

    /// <summary>The stage-version stamp of <paramref name="stage"/>.</summary>
    public string VersionStamp(string stage) => Path.Combine(StampsDirectory, stage + ".version");

    /// <summary>A path declared for all slices (holding <see cref="SliceToken"/>) made concrete for one slice.</summary>
    public static string ForSlice(string template, int slice) =>
        template.Replace(SliceToken, SliceFolderName(slice), StringComparison.Ordinal);

    /// <summary>A path declared for all slices made concrete for each of slices 0 … <paramref name="sliceCount"/> − 1.</summary>
    public static IReadOnlyList<string> ForAllSlices(string template, int sliceCount) =>
        Enumerable.Range(0, sliceCount).Select(slice => ForSlice(template, slice)).ToList();

    /// <summary>Whether <paramref name="path"/> is declared for all slices.</summary>
    public static bool IsPerSlice(string path) => path.Contains(SliceToken, StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="path"/> relative to the scan folder with '/' separators when it lies inside, for messages;
    /// otherwise the path as it is.
    /// </summary>
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(ScanDirectory, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
