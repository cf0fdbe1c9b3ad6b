using TomoSaxs.Tasks;

namespace TomoSaxs.Pipeline.TestStages;

/// <summary>MSBuild adapter of <see cref="TallyStage"/> for one slice.</summary>
public sealed class TallySliceTask : StageTask
{
    /// <inheritdoc />
    protected override void Run(StageRun run) => TallyStage.Run(run, Input("stripe"), Output("tally"));
}
