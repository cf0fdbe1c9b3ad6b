using System.Globalization;
using Microsoft.Build.Framework;
using TomoSaxs.Pipeline;
using Task = Microsoft.Build.Utilities.Task;

namespace TomoSaxs.Tasks;

/// <summary>
/// The base of every stage's task. It turns the common parameters into a <see cref="StageRun"/> (scan context,
/// stage identity from its stamps, slice, progress lines as high-importance messages), lets the stage map its
/// declared files to one library call in <see cref="Run"/>, reports failures as errors, and checks afterwards that
/// every declared output exists, because a declared output the stage never writes would make it rerun forever.
/// Under <c>--executor slurm</c> the fan-out runs the task once for all selected slices instead (its context then
/// names them in <c>SliceArray</c>), and the task hands them to SLURM (<see cref="SliceArrayAdapter"/>); that wait is
/// what <see cref="Cancel"/> interrupts.
/// </summary>
public abstract class StageTask : Task, ICancelableTask
{
    private IReadOnlyList<StageFile> inputs = [];
    private IReadOnlyList<StageFile> outputs = [];
    private volatile BuildInterruption? interruption;

    /// <summary>The <c>StageContext</c> item (metadata ScanFile, ScanArtifacts, Set, Slice, ProgressInterval).</summary>
    [Required]
    public ITaskItem Context { get; set; } = null!;

    /// <summary>The stage name, as in its <c>PipelineStage</c> item.</summary>
    [Required]
    public string Stage { get; set; } = "";

    /// <summary>All <c>StageInput</c> items; the stage's own are picked by their Stage metadata.</summary>
    public ITaskItem[] InputFiles { get; set; } = [];

    /// <summary>All <c>StageOutput</c> items; the stage's own are picked by their Stage metadata.</summary>
    public ITaskItem[] OutputFiles { get; set; } = [];

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        if (ExecutorItems.SliceArray(Context).Length > 0)
        {
            return ExecuteOnSlurm();
        }

        try
        {
            inputs = StageItems.Files(InputFiles, Stage);
            outputs = StageItems.Files(OutputFiles, Stage);
            var scan = ScanContext.Load(
                Context.GetMetadata("ScanFile"), Context.GetMetadata("ScanArtifacts"), OverrideList.Parse(Context.GetMetadata("Set")));
            var run = new StageRun(scan, StageIdentity.FromStamps(scan.Layout, Stage), SliceNumber(), message => Log.LogMessage(MessageImportance.High, message))
            {
                ProgressInterval = ProgressInterval(),
            };
            Run(run);
            foreach (var missing in outputs.Where(output => !File.Exists(output.Path)))
            {
                Log.LogError(Directory.Exists(missing.Path)
                    ? $"{run.Label} declares the folder {missing.Path} as an output (role '{missing.Role}'); MSBuild compares files, so declare the files in it."
                    : $"{run.Label} finished without writing its declared output {missing.Path} (role '{missing.Role}').");
            }
        }
        catch (Exception error)
        {
            ProblemLog.Failure(Log, error, StepLabel.Of(Stage, SliceNumber()));
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// Interrupts a SLURM fan-out's wait. MSBuild's task host calls this over and over until the task returns, so it
    /// must be cheap, and a call arriving before the wait has begun is simply repeated later. A slice running here is
    /// left to finish, since its output is written atomically anyway.
    /// </summary>
    public void Cancel() => interruption?.Request("the build was cancelled");

    /// <summary>Does the stage's work for the scan or the slice by calling its library.</summary>
    protected abstract void Run(StageRun run);

    private bool ExecuteOnSlurm()
    {
        using var watch = new BuildInterruption();
        interruption = watch;
        try
        {
            SliceArrayAdapter.Run(Log, Context, Stage, InputFiles, OutputFiles, watch);
        }
        catch (Exception error)
        {
            ProblemLog.Failure(Log, error, $"{Stage} on SLURM");
        }
        finally
        {
            interruption = null;
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The declared input with role <paramref name="role"/>.</summary>
    protected string Input(string role) => Single(inputs, role, "StageInput");

    /// <summary>Every declared input with role <paramref name="role"/>, in declaration order (e.g. one per slice).</summary>
    protected IReadOnlyList<string> Inputs(string role) => inputs.Where(file => file.Role == role).Select(file => file.Path).ToList();

    /// <summary>The declared output with role <paramref name="role"/>.</summary>
    protected string Output(string role) => Single(outputs, role, "StageOutput");

    private string Single(IReadOnlyList<StageFile> files, string role, string itemType)
    {
        var matches = files.Where(file => file.Role == role).ToList();
        return matches.Count == 1
            ? matches[0].Path
            : throw new InvalidOperationException(
                $"{Stage} needs exactly one {itemType} with Role=\"{role}\"; its .targets file declares {matches.Count}.");
    }

    private TimeSpan ProgressInterval() =>
        double.TryParse(Context.GetMetadata("ProgressInterval"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : Pipeline.ProgressReporter.DefaultInterval;

    // Common.targets sets Slice only to a whole number (or leaves it empty for a scan-level run).
    private int? SliceNumber() =>
        int.TryParse(Context.GetMetadata("Slice"), NumberStyles.None, CultureInfo.InvariantCulture, out var slice) ? slice : null;
}
