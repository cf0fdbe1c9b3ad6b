using TomoSaxs.Phantom.Stages;
using TomoSaxs.Pipeline;

namespace TomoSaxs.Tasks;

/// <summary>MSBuild adapter of <see cref="PhantomStages.Slice"/> for one slice (target PhantomSliceSlice).</summary>
public sealed class PhantomSliceTask : StageTask
{
    /// <inheritdoc />
    protected override void Run(StageRun run) => PhantomStages.Slice(run, Output("part"));
}
