using System.Globalization;
using System.Text;
using TomoSaxs.Pipeline;

namespace TomoSaxs.Phantom.Stages;

/// <summary>
/// The Phantom target's three stages (build/Phantom.targets), each one call of <see cref="PhantomScan"/> for the
/// scan of a <see cref="StageRun"/>; the plan is recomputed in every process, which is cheap and deterministic.
/// The phantom writes each file under a temporary name and renames it into place, so a killed stage leaves either
/// the previous file or none.
/// </summary>
public static class PhantomStages
{
    /// <summary>The parameter sections every phantom stage's stamp holds: the phantom block and what it depends on.</summary>
    public const string ParameterSections = "phantom;geometry;raw";

    /// <summary>
    /// PhantomScanLevel: CT and fibre-tracing stacks, vox_padding.xlsx, WAXS map, mask, calibration, background and
    /// buffer line scans, and the truth in <paramref name="truthFolder"/>; then <paramref name="manifest"/>, listing
    /// every file written (the TIFF stacks are folders, which MSBuild cannot compare). The manifest is written last,
    /// so a stage killed before the end leaves no manifest and runs again.
    /// </summary>
    public static void ScanLevel(StageRun run, string truthFolder, string manifest)
    {
        var plan = PhantomScan.Plan(run.Scan.Definition);
        var progress = new StageProgress(run);
        PhantomScan.WriteScanLevel(plan, truthFolder, progress);
        progress.Complete();
        var outputs = plan.Outputs;
        var folders = new[] { outputs.HighResCt, outputs.LowResCt, outputs.Theta, outputs.Phi, outputs.Index, truthFolder };
        var files = new[] { outputs.Padding, outputs.WaxsMap, outputs.Background, outputs.Buffer, outputs.Mask, outputs.Calibration }
            .Concat(folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)));
        run.WriteOutput(manifest, [], temporary => File.WriteAllText(temporary, Manifest(plan, files)));
    }

    /// <summary>
    /// PhantomSlice: all angles' frames of the run's slice into <paramref name="partFile"/>, which must be that
    /// slice's part file (<see cref="PhantomScan.SlicePartPath"/>) in its parts folder.
    /// </summary>
    public static void Slice(StageRun run, string partFile)
    {
        var slice = run.Slice ?? throw new InvalidOperationException("PhantomSlice runs per slice.");
        var partsFolder = Path.GetDirectoryName(Path.GetFullPath(partFile))!;
        CheckPart(partFile, partsFolder, slice);
        var plan = PhantomScan.Plan(run.Scan.Definition);
        var progress = new StageProgress(run);
        PhantomScan.WriteSliceFrames(plan, slice, partsFolder, progress);
        progress.Complete();
    }

    /// <summary>
    /// PhantomAssemble: the per-angle SAXS NeXus files from the part files of every slice of the scan
    /// (<paramref name="parts"/>, all in one folder, named by <see cref="PhantomScan.SlicePartPath"/>).
    /// </summary>
    public static void Assemble(StageRun run, IReadOnlyList<string> parts)
    {
        var plan = PhantomScan.Plan(run.Scan.Definition);
        if (parts.Count != plan.Slices)
        {
            throw new InvalidOperationException($"PhantomAssemble was given {parts.Count} part files for {plan.Slices} slices.");
        }

        var partsFolder = Path.GetDirectoryName(Path.GetFullPath(parts[0]))!;
        for (var slice = 0; slice < plan.Slices; slice++)
        {
            CheckPart(parts[slice], partsFolder, slice);
        }

        var progress = new StageProgress(run);
        PhantomScan.AssembleSaxs(plan, partsFolder, progress);
        progress.Complete();
    }

    // The .targets file and the phantom library each name the part files; a mismatch would make MSBuild watch files
    // the stage never writes.
    private static void CheckPart(string declared, string partsFolder, int slice)
    {
        var expected = PhantomScan.SlicePartPath(partsFolder, slice);
        if (!string.Equals(Path.GetFullPath(declared), expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The declared part file of slice {slice}, {declared}, is not the phantom's {expected}.");
        }
    }

    private static string Manifest(PhantomPlan plan, IEnumerable<string> files)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# phantom scan-level files, plan fingerprint {plan.Fingerprint}\n");
        foreach (var file in files)
        {
            text.Append(CultureInfo.InvariantCulture, $"{new FileInfo(file).Length}\t{file}\n");
        }

        return text.ToString();
    }
}
