using TomoSaxs.Tasks;

namespace TomoSaxs.Pipeline.TestStages;

/// <summary>MSBuild adapter of <see cref="StripeStage"/> for one slice.</summary>
public sealed class StripeSliceTask : StageTask
{
    /// <inheritdoc />
    protected override void Run(StageRun run) => StripeStage.Run(run, Input("seed"), Output("stripe"));
}
