using TomoSaxs.Phantom.Stages;
using TomoSaxs.Pipeline;

namespace TomoSaxs.Tasks;

/// <summary>MSBuild adapter of <see cref="PhantomStages.ScanLevel"/> (target PhantomScanLevel).</summary>
public sealed class PhantomScanLevelTask : StageTask
{
    /// <summary>The truth folder (files of it are declared as outputs; the stage needs the folder).</summary>
    [Microsoft.Build.Framework.Required]
    public string TruthFolder { get; set; } = "";

    /// <inheritdoc />
    protected override void Run(StageRun run) => PhantomStages.ScanLevel(run, TruthFolder, Output("manifest"));
}
