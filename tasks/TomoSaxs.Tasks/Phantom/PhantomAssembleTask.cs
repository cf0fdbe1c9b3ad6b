using TomoSaxs.Phantom.Stages;
using TomoSaxs.Pipeline;

namespace TomoSaxs.Tasks;

/// <summary>MSBuild adapter of <see cref="PhantomStages.Assemble"/> (target PhantomAssemble).</summary>
public sealed class PhantomAssembleTask : StageTask
{
    /// <inheritdoc />
    protected override void Run(StageRun run) => PhantomStages.Assemble(run, Inputs("part"));
}
