using TomoSaxs.Calibrate.Output;
using TomoSaxs.Calibrate.Stage;
using TomoSaxs.Formats;
using TomoSaxs.Pipeline;
using TomoSaxs.Register.Output;

namespace TomoSaxs.Register.Stage;

/// <summary>
/// The Register stage (build/Register.targets, docs/register.md): reads <c>calibrate/calibration.h5</c>, the WAXS
/// map and every angle's frame sums and motor positions, registers the CT fibres to the SAXS beam paths
/// (<see cref="Registration.Compute"/>) and writes <c>register/registration.h5</c> with its provenance as root
/// attributes. The file is written under a temporary name and renamed into place.
/// </summary>
public static class RegisterStage
{
    /// <summary>The stage's name in the build graph.</summary>
    public const string Name = "Register";

    /// <summary>Runs the stage.</summary>
    /// <param name="run">The stage run (scan, stage identity, progress).</param>
    /// <param name="calibration">The Calibrate stage's <c>calibration.h5</c>.</param>
    /// <param name="output">The registration file to write.</param>
    /// <returns>The registration written.</returns>
    /// <exception cref="DataFileException">An input file cannot be read or registered (named with its dataset).</exception>
    /// <exception cref="ArgumentException">Parameters are inconsistent with the scan (e.g. pinned centres vs angles).</exception>
    public static RegistrationResult Run(StageRun run, string calibration, string output)
    {
        var scan = run.Scan.Definition;
        var inputs = new[] { calibration, scan.Raw.WaxsMap }.Concat(scan.Raw.Saxs.Files).ToList();
        using var calibrated = CalibrationFile.Open(calibration);
        var input = RegistrationInputFiles.Read(scan, calibrated);
        var progress = run.StartProgress("steps", 1 + input.AnglesDeg.Count * (1 + input.Rasters[0].Slices));
        var reported = 0L;
        var result = Registration.Compute(input, new SynchronousProgress(step =>
        {
            var done = step.Step switch
            {
                "vertical" => step.Done,
                "walls" => 1 + step.Done,
                _ => 1 + input.AnglesDeg.Count + step.Done,
            };
            if (done > reported)
            {
                progress.Advance(done - reported);
                reported = done;
            }
        }));
        progress.Complete();
        var match = result.Vertical;
        run.Log($"{run.Label}: vertical offset {match.OffsetUm:F1} µm (sense {match.VerticalSense:+0;-0}, NCC {match.Ncc:F3}, {match.Source.ToString().ToLowerInvariant()})" +
            (match.IsReliable ? string.Empty : $" — below the reliable |NCC| of {match.MinimumNcc}"));
        // QC figures before the registration is written: a figure that fails stops the stage with nothing committed.
        if (input.Parameters.QcFigures)
        {
            RegisterFigures.Write(RegisterFigures.Folder(output), input, result, line => run.Log($"{run.Label}: {line}"));
        }

        AtomicFile.DiscardAbandoned(output);
        RegistrationFile.Write(output, result, root => ProvenanceAttributes.Add(root, run.Provenance(inputs)));
        return result;
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; would post to the
    /// thread pool and could report after the stage has finished).</summary>
    private sealed class SynchronousProgress(Action<RegistrationProgress> report) : IProgress<RegistrationProgress>
    {
        public void Report(RegistrationProgress value) => report(value);
    }
}
