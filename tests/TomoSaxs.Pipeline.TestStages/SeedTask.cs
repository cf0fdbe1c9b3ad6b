using TomoSaxs.Tasks;

namespace TomoSaxs.Pipeline.TestStages;

/// <summary>MSBuild adapter of <see cref="SeedStage"/>.</summary>
public sealed class SeedTask : StageTask
{
    /// <inheritdoc />
    protected override void Run(StageRun run) => SeedStage.Run(run, Output("seed"));
}
