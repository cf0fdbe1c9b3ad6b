using TomoSaxs.Formats;

namespace TomoSaxs.Pipeline;

/// <summary>
/// What a stage's library code gets for one run (the scan, or one slice of it): the scan context, the stage's
/// identity as stamped, a progress reporter factory, and an output writer that renames into place and records
/// provenance. MSBuild tasks build one from their parameters; tests and the command-line tool build one directly.
/// </summary>
public sealed class StageRun
{
    private readonly TimeProvider time;

    /// <summary>Starts a run of <paramref name="stage"/> on <paramref name="scan"/> (or one slice of it).</summary>
    /// <param name="scan">The scan.</param>
    /// <param name="stage">The stage, its version and parameter JSON.</param>
    /// <param name="slice">The slice for a per-slice stage, else null.</param>
    /// <param name="log">Receives progress lines and other messages worth showing.</param>
    /// <param name="time">The clock; the system clock when null.</param>
    public StageRun(ScanContext scan, StageIdentity stage, int? slice, Action<string> log, TimeProvider? time = null)
    {
        Scan = scan;
        Stage = stage;
        Slice = slice;
        Log = log;
        this.time = time ?? TimeProvider.System;
        Started = this.time.GetUtcNow();
    }

    /// <summary>The scan.</summary>
    public ScanContext Scan { get; }

    /// <summary>The stage being run.</summary>
    public StageIdentity Stage { get; }

    /// <summary>The slice, or null for a scan-level stage.</summary>
    public int? Slice { get; }

    /// <summary>Where messages go.</summary>
    public Action<string> Log { get; }

    /// <summary>When the run started (UTC).</summary>
    public DateTimeOffset Started { get; }

    /// <summary>The least time between progress lines; <see cref="ProgressReporter.DefaultInterval"/> unless set.</summary>
    public TimeSpan ProgressInterval { get; init; } = ProgressReporter.DefaultInterval;

    /// <summary>The run's name in messages: <c>Seed</c> or <c>Stripe slice 03</c>.</summary>
    public string Label => StepLabel.Of(Stage.Name, Slice);

    /// <summary>The slice's artefact folder.</summary>
    /// <exception cref="InvalidOperationException">The run is scan-level.</exception>
    public string SliceDirectory => Slice is { } slice
        ? Scan.Layout.SliceDirectory(slice)
        : throw new InvalidOperationException($"{Stage.Name} runs once per scan; it has no slice folder.");

    /// <summary>A progress reporter for <paramref name="total"/> units of work, labelled with this run.</summary>
    public ProgressReporter StartProgress(string unit, long total) => new(Label, unit, total, Log, ProgressInterval, time);

    /// <summary>The provenance of an artefact made now from <paramref name="inputs"/>.</summary>
    public ProvenanceRecord Provenance(IEnumerable<string> inputs) =>
        new(ToolIdentity.Current, Stage, Slice, inputs.Select(ProvenanceInput.Of).ToList(), Started, time.GetUtcNow(),
            Environment.MachineName, ProvenanceRecord.CurrentSlurmJob());

    /// <summary>
    /// Writes <paramref name="output"/> by calling <paramref name="write"/> with a temporary path beside it, renames
    /// it into place, then writes its provenance sidecar the same way. A run killed at any point leaves either the
    /// old pair or a new output with an old (or no) sidecar, and both sidecar and output are declared outputs, so
    /// the next build never takes a half-finished result as up to date. Leftovers of killed earlier runs are removed.
    /// </summary>
    public void WriteOutput(string output, IEnumerable<string> inputs, Action<string> write)
    {
        AtomicFile.DiscardAbandoned(output);
        AtomicFile.DiscardAbandoned(ProvenanceRecord.SidecarPath(output));
        var inputList = inputs.ToList();
        AtomicFile.Write(output, write);
        ProvenanceJson.WriteSidecar(output, Provenance(inputList));
    }
}
