using TomoSaxs.Correct.Stage;
using TomoSaxs.Pipeline;

namespace TomoSaxs.Tasks;

/// <summary>MSBuild adapter of <see cref="CorrectStage.Run"/> for one slice (target CorrectSlice).</summary>
public sealed class CorrectSliceTask : StageTask
{
    /// <inheritdoc />
    protected override void Run(StageRun run) => CorrectStage.Run(run, Input("registration"), Output("corrected"));
}
