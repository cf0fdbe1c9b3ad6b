using TomoSaxs.Scan;

namespace TomoSaxs.Phantom;

/// <summary>
/// The phantom generator, in the steps a build graph fans out:
/// <list type="number">
/// <item><see cref="Plan(ScanDefinition)"/>: pure and deterministic from the seed (geometry, fibres, beam paths).</item>
/// <item><see cref="WriteScanLevel"/>: CT and fibre-tracing stacks, vox_padding.xlsx, WAXS map, mask, calibration,
/// background and buffer line scans, and the truth.</item>
/// <item><see cref="WriteSliceFrames"/>: all angles' frames of one slice into a part file; slices are independent
/// and can run in separate processes.</item>
/// <item><see cref="AssembleSaxs"/>: the per-angle SAXS NeXus files from the parts.</item>
/// </list>
/// Raw files go where scan.yaml's <c>raw:</c> section says, so the generated data are the scan the definition
/// describes. Every file is written under a temporary name and renamed into place, and carries the plan's
/// fingerprint. The data never depend on the number of threads or processes: every random draw comes from a
/// stream keyed by the seed and the item it belongs to.
/// </summary>
public static class PhantomScan
{
    /// <summary>The truth folder's files (see docs/phantom.md).</summary>
    public static IReadOnlyList<string> TruthFiles { get; } =
        [TruthWriter.FibresCsv, TruthWriter.FibresH5, TruthWriter.BeamPathsH5, TruthWriter.RegistrationJson, TruthWriter.ModelJson];

    /// <summary>Plans the phantom of a scan whose <c>phantom:</c> block is read and checked here.</summary>
    /// <exception cref="ScanDefinitionException">The scan has no phantom block, or the block is invalid or inconsistent with the rest of scan.yaml.</exception>
    public static PhantomPlan Plan(ScanDefinition definition) => Plan(definition, PhantomDefinition.SpecOf(definition));

    /// <summary>Plans the phantom of <paramref name="definition"/> with the given phantom settings.</summary>
    /// <exception cref="ScanDefinitionException">The settings are inconsistent with the rest of scan.yaml.</exception>
    public static PhantomPlan Plan(ScanDefinition definition, PhantomSpec spec) => new(definition, spec);

    /// <summary>
    /// Writes every raw file except the SAXS rasters (CT stacks, fibre-tracing stacks, vox_padding.xlsx, WAXS map,
    /// mask, calibration, background and buffer line scans) and the truth into <paramref name="truthFolder"/>.
    /// </summary>
    public static void WriteScanLevel(PhantomPlan plan, string truthFolder, IProgress<PhantomProgress>? progress = null, PhantomRunOptions? options = null)
    {
        options ??= PhantomRunOptions.Default;
        var outputs = plan.Outputs;
        var steps = new (string What, Action Write)[]
        {
            ("low-resolution CT", () => CtStackWriter.WriteCt(plan, plan.Ct.Low, "ct-low", outputs.LowResCt, options)),
            ("high-resolution CT", () => CtStackWriter.WriteCt(plan, plan.Ct.High, "ct-high", outputs.HighResCt, options)),
            ("mask", () => DawnFilesWriter.WriteMask(plan.Detector, outputs.Mask, plan.Fingerprint)),
            ("calibration", () => DawnFilesWriter.WriteCalibration(plan.Detector, outputs.Calibration, plan.Fingerprint)),
            ("background line scan", () => LineScanWriter.Write(plan, plan.Background, outputs.Background, options)),
            ("buffer line scan", () => LineScanWriter.Write(plan, plan.BufferScan, outputs.Buffer, options)),
        };
        var total = steps.Length + 2;
        for (var k = 0; k < steps.Length; k++)
        {
            steps[k].Write();
            progress?.Report(new PhantomProgress("scan", null, k + 1, total));
        }

        var tracing = new FibreTracingVolume(plan);
        CtStackWriter.WriteFibreTracing(plan, tracing);
        var waxs = new WaxsMapModel(plan);
        WaxsMapWriter.Write(waxs, outputs.WaxsMap, plan.Fingerprint);
        progress?.Report(new PhantomProgress("scan", null, total - 1, total));
        TruthWriter.Write(plan, tracing, waxs, truthFolder);
        progress?.Report(new PhantomProgress("scan", null, total, total));
    }

    /// <summary>The part file of slice <paramref name="slice"/> in <paramref name="partsFolder"/>, numbered like the build's slice folders (<c>slice_03.h5</c>).</summary>
    public static string SlicePartPath(string partsFolder, int slice) => Path.Combine(partsFolder, $"slice_{slice:D2}.h5");

    /// <summary>
    /// Writes all angles' frames of slice <paramref name="slice"/> (0-based, from the top) into its part file in
    /// <paramref name="partsFolder"/> and returns the file's path. Progress counts frames.
    /// </summary>
    public static string WriteSliceFrames(PhantomPlan plan, int slice, string partsFolder, IProgress<PhantomProgress>? progress = null, PhantomRunOptions? options = null)
    {
        var path = SlicePartPath(partsFolder, slice);
        SlicePartWriter.Write(plan, slice, path, progress, options ?? PhantomRunOptions.Default);
        return path;
    }

    /// <summary>Writes the per-angle SAXS raster files from the slice part files (every slice must have been written for this plan).</summary>
    /// <exception cref="TomoSaxs.Formats.DataFileException">A part is missing, or belongs to another plan.</exception>
    public static void AssembleSaxs(PhantomPlan plan, string partsFolder, IProgress<PhantomProgress>? progress = null, PhantomRunOptions? options = null) =>
        SaxsAssembler.Assemble(plan, partsFolder, progress, options ?? PhantomRunOptions.Default);

    /// <summary>All steps in one process: scan level, every slice, assembly. Leaves the part files in <paramref name="partsFolder"/>.</summary>
    public static void Generate(PhantomPlan plan, string truthFolder, string partsFolder, IProgress<PhantomProgress>? progress = null, PhantomRunOptions? options = null)
    {
        WriteScanLevel(plan, truthFolder, progress, options);
        for (var slice = 0; slice < plan.Slices; slice++)
        {
            WriteSliceFrames(plan, slice, partsFolder, progress, options);
        }

        AssembleSaxs(plan, partsFolder, progress, options);
    }
}
