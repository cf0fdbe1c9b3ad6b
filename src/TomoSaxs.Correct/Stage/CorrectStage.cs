using TomoSaxs.Pipeline;
using TomoSaxs.Register.Output;
using TomoSaxs.Scan;

namespace TomoSaxs.Correct.Stage;

/// <summary>
/// The Correct stage for one slice, as the build graph runs it (docs/build-graph.md): the SAXS frames, background,
/// buffer, mask, calibration and Register's thickness → <c>slices/NN/corrected.h5</c>, provenance as attributes.
/// </summary>
public static class CorrectStage
{
    /// <summary>Runs the stage for <c>run.Slice</c>.</summary>
    /// <param name="run">The stage run.</param>
    /// <param name="registration">register/registration.h5.</param>
    /// <param name="output">slices/NN/corrected.h5.</param>
    public static void Run(StageRun run, string registration, string output)
    {
        var scan = run.Scan.Definition;
        var slice = run.Slice ?? throw new InvalidOperationException("Correct runs per slice.");
        var raw = scan.Raw;
        var inputs = new CorrectInputs([.. raw.Saxs.Files], [.. raw.Saxs.AnglesDeg], raw.Background, raw.Buffer, raw.Mask, raw.Calibration);
        var settings = CorrectSettings.From(scan);
        var thickness = RegistrationFile.Read(registration).ChordUm;
        using var corrector = SliceCorrector.Prepare(inputs, settings, thickness, slice);
        if (corrector.FlaggedSummary() is { } flagged)
        {
            run.Log($"{run.Label}: {flagged}; each is listed in /flagged_frames of {Path.GetFileName(output)}");
        }

        var progress = run.StartProgress("frames", corrector.Angles.Sum(a => a.Frames.Count));
        var files = inputs.Files.Append(registration).ToList();
        run.WriteOutput(output, files, temporary =>
            corrector.Write(temporary, root => root.Attributes.Set("provenance", ProvenanceJson.Write(run.Provenance(files))), () => progress.Advance()));
        progress.Complete();
    }
}
