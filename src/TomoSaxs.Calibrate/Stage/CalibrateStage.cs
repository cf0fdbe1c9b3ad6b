using System.Globalization;
using System.Runtime;
using System.Text;
using TomoSaxs.Calibrate.CtMap;
using TomoSaxs.Calibrate.Fibres;
using TomoSaxs.Calibrate.Mask;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Tiff;
using TomoSaxs.Pipeline;
using TomoSaxs.Scan;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>
/// The Calibrate stage (registration note §3, §9, §11; docs/calibrate.md): from the raw CT and fibre-tracing stacks
/// to the combined CT on the common voxel (<c>calibrate/ct/</c>), the inverted summed CT map (<c>ct_map.tif</c>) and
/// <c>calibration.h5</c> (offset, tube circles, fibre volumes on the calibrated grid, sample mask; see
/// <see cref="CalibrationFile"/>). Every volume streams through in slabs of at most <see cref="CalibrateOptions.SlabDepth"/>
/// slices and <see cref="CalibrateOptions.SlabVoxels"/> voxels; intermediate stacks live in a hidden work folder that is removed at the end; each output is renamed into
/// place, the manifest last.
/// </summary>
public static class CalibrateStage
{
    /// <summary>The build graph's name of the stage.</summary>
    public const string Name = "Calibrate";

    /// <summary>Runs the stage for the scan of <paramref name="run"/>.</summary>
    /// <returns>The calibration written to <see cref="CalibrateOutputs.Calibration"/>.</returns>
    /// <exception cref="DataFileException">A raw file is missing or malformed (file and scan.yaml key named).</exception>
    /// <exception cref="CalibrateInputException">The inputs do not fit together.</exception>
    /// <exception cref="TubeNotFoundException">No tube in a CT slab (and the circle is not pinned).</exception>
    public static CalibrationResult Run(StageRun run, CalibrateOutputs outputs)
    {
        // Foreground gen-2 collections while the stage runs: with the default background GC the stage goes on
        // allocating slabs (large-object heap) while a collection is under way, which on a busy machine let
        // garbage slabs pile up to well over a GB before they were reclaimed.
        var latency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        try
        {
            return RunStage(run, outputs);
        }
        finally
        {
            GCSettings.LatencyMode = latency;
        }
    }

    private static CalibrationResult RunStage(StageRun run, CalibrateOutputs outputs)
    {
        var scan = run.Scan.Definition;
        var parameters = CalibrateParameters.From(scan.Stages);
        var inputs = CalibrateInputs.Open(scan, parameters);
        var voxel = CommonVoxel.Choose(parameters.CommonVoxelUm, inputs.HighResVoxelUm, inputs.LowResVoxelUm);
        run.Log($"{run.Label}: common voxel {voxel} µm (high-res {inputs.HighResVoxelUm} µm, low-res {inputs.LowResVoxelUm} µm)");
        var progress = run.StartProgress("steps", 6);
        void Log(string line) => run.Log($"{run.Label}: {line}");

        using var work = new WorkFolder(outputs.Calibration);
        var (offset, region, combined, floatFolder) = CombinedCtBuilder.Build(inputs, parameters, voxel, work, Log);
        progress.Advance();
        var ctFolder = parameters.CtOutput == CalibrateParameters.Uint8
            ? CombinedCtBuilder.ToBytes(combined, parameters, voxel, work, Log)
            : floatFolder;
        MemoryLog.Checkpoint(Log, "uint8 CT");
        var map = SummedCtMap.Compute(combined, invert: true, CalibrateOptions.SlabDepthFor(combined.Shape));
        MemoryLog.Checkpoint(Log, "CT map");
        progress.Advance();

        var tube = FitTube(combined, parameters, inputs);
        Log($"tube: {tube.Count} slabs, radius {tube.Min(t => t.Circle.RadiusPx):F2}–{tube.Max(t => t.Circle.RadiusPx):F2} px " +
            $"(geometry {scan.Geometry.TubeOuterDiameterUm / 2 / voxel:F2} px)");
        MemoryLog.Checkpoint(Log, "tube");
        progress.Advance();

        var maskFolder = work.Item("mask");
        IReadOnlyList<SampleMaskSlice> maskReport;
        using (var maskWriter = new TiffStackSlabWriter<byte>(maskFolder, combined.Shape))
        {
            maskReport = SampleMask.Build(combined, tube, maskWriter, CalibrateOptions.Mask(parameters, scan.Geometry, voxel),
                CalibrateOptions.SlabDepthFor(combined.Shape));
            maskWriter.Commit();
        }

        MemoryLog.Checkpoint(Log, "sample mask");
        progress.Advance();
        var placement = FibrePlacement.Plan(inputs.Frame, offset.Voxels, voxel, combined.Shape);
        Log($"fibres: traced {inputs.Frame.Traced} at shift {placement.Shift} on a grid of {placement.Shape} ({placement.FibreVoxelUm} µm)");
        var result = new CalibrationResult
        {
            CommonVoxelUm = voxel,
            CtShape = combined.Shape,
            HighResOffset = offset,
            HighResRegion = region,
            CtMap = map,
            Tube = tube,
            Fibres = placement,
            SampleMask = maskReport,
        };

        // QC figures before any output is written: a figure that fails stops the stage with nothing committed.
        if (parameters.QcFigures)
        {
            CalibrateFigures.Write(CalibrateFigures.Folder(outputs), result, combined, Log);
        }

        using (var volumes = new StageVolumes(inputs, placement, TiffStackSlabReader.Typed<byte>(TiffStack.Open(maskFolder))))
        {
            AtomicFile.DiscardAbandoned(outputs.Calibration);
            CalibrationFile.Write(outputs.Calibration, result, volumes, root => ProvenanceAttributes.Add(root, run.Provenance(inputs.Files)));
        }

        MemoryLog.Checkpoint(Log, "calibration.h5");
        progress.Advance();
        AtomicFile.CommitFolder(ctFolder, outputs.CtFolder);
        run.WriteOutput(outputs.CtMap, inputs.Files, temporary => MultiPageTiff.WriteImage(temporary, ToFloat(map)));
        run.WriteOutput(outputs.Manifest, inputs.Files, temporary => File.WriteAllText(temporary, Manifest(outputs, combined.Shape, parameters.CtOutput)));
        progress.Advance();
        progress.Complete();
        return result;
    }

    private static IReadOnlyList<TubeSlab> FitTube(ISlabReader<float> combined, CalibrateParameters parameters, CalibrateInputs inputs)
    {
        try
        {
            return TubeCircleFinder.FitStack(combined, parameters.TubeSlabDepth, new TubeSearchOptions(), CalibrateOptions.PinnedTube(parameters));
        }
        catch (TubeNotFoundException problem)
        {
            throw new TubeNotFoundException(
                $"{problem.Message} The combined CT comes from raw.ct.low_res ('{inputs.LowRes.Folder}') and raw.ct.high_res ('{inputs.HighRes.Folder}'); " +
                "expected the Kapton tube's outer wall around the sample in every slice. Pin calibrate.tube_centre_row_px, tube_centre_col_px and tube_radius_px to skip the fit.");
        }
    }

    private static float[,] ToFloat(double[,] map)
    {
        var values = new float[map.GetLength(0), map.GetLength(1)];
        for (var z = 0; z < map.GetLength(0); z++)
        {
            for (var x = 0; x < map.GetLength(1); x++)
            {
                values[z, x] = (float)map[z, x];
            }
        }

        return values;
    }

    // The CT folder's slices with their sizes: what MSBuild compares stands for the folder it cannot compare.
    private static string Manifest(CalibrateOutputs outputs, VolumeShape shape, string pixelType)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# calibrate/ct: combined CT, {shape}, {pixelType}\n");
        foreach (var file in Directory.EnumerateFiles(outputs.CtFolder).Order(StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{new FileInfo(file).Length}\t{Path.GetFileName(file)}\n");
        }

        return text.ToString();
    }

    private sealed class StageVolumes(CalibrateInputs inputs, FibrePlacement placement, ISlabReader<byte> mask) : ICalibratedVolumes
    {
        public ISlabReader<byte> Theta { get; } = new PlacedFibreVolume<byte>(TiffStackSlabReader.AsFloat(inputs.Theta), placement, v => FibreValues.Angle(v, inputs.Theta.Folder));

        public ISlabReader<byte> Phi { get; } = new PlacedFibreVolume<byte>(TiffStackSlabReader.AsFloat(inputs.Phi), placement, v => FibreValues.Angle(v, inputs.Phi.Folder));

        public ISlabReader<int> FibreIndex { get; } = new PlacedFibreVolume<int>(TiffStackSlabReader.AsFloat(inputs.Index), placement, v => FibreValues.Id(v, inputs.Index.Folder));

        public ISlabReader<byte> SampleMask { get; } = mask;

        public void Dispose()
        {
        }
    }
}
