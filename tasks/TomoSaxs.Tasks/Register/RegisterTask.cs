using TomoSaxs.Pipeline;
using TomoSaxs.Register.Stage;

namespace TomoSaxs.Tasks;

/// <summary>MSBuild adapter of <see cref="RegisterStage.Run"/> (target Register).</summary>
public sealed class RegisterTask : StageTask
{
    /// <inheritdoc />
    protected override void Run(StageRun run) => RegisterStage.Run(run, Input("calibration"), Output("registration"));
}
