using TomoSaxs.Calibrate.Stage;
using TomoSaxs.Pipeline;

namespace TomoSaxs.Tasks;

/// <summary>MSBuild adapter of <see cref="CalibrateStage.Run"/> (target Calibrate).</summary>
public sealed class CalibrateTask : StageTask
{
    /// <summary>The combined CT's stack folder (its manifest is declared as an output; the stage needs the folder).</summary>
    [Microsoft.Build.Framework.Required]
    public string CtFolder { get; set; } = "";

    /// <inheritdoc />
    protected override void Run(StageRun run) =>
        CalibrateStage.Run(run, new CalibrateOutputs(CtFolder, Output("ct-map"), Output("calibration"), Output("manifest")));
}
