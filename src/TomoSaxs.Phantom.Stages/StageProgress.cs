using TomoSaxs.Phantom;
using TomoSaxs.Pipeline;

namespace TomoSaxs.Phantom.Stages;

/// <summary>
/// Forwards the phantom's progress to the stage's progress lines (done/total, rate, ETA). The phantom reports
/// absolute counts, possibly from several threads and out of order, so only advances are passed on.
/// </summary>
internal sealed class StageProgress(StageRun run) : IProgress<PhantomProgress>
{
    private readonly Lock gate = new();
    private ProgressReporter? reporter;
    private string? step;
    private long done;

    /// <inheritdoc />
    public void Report(PhantomProgress value)
    {
        lock (gate)
        {
            if (reporter is null || step != value.Step)
            {
                reporter?.Complete();
                reporter = run.StartProgress(Unit(value.Step), value.Total);
                step = value.Step;
                done = 0;
            }

            if (value.Done > done)
            {
                reporter.Advance(value.Done - done);
                done = value.Done;
            }
        }
    }

    /// <summary>Closes the current step's progress with its summary line.</summary>
    public void Complete()
    {
        lock (gate)
        {
            reporter?.Complete();
            reporter = null;
        }
    }

    private static string Unit(string step) => step switch
    {
        "frames" => "frames",
        "assemble" => "angle files",
        _ => "steps",
    };
}
