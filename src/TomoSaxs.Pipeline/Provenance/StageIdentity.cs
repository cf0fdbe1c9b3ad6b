namespace TomoSaxs.Pipeline;

/// <summary>Which stage made an artefact, at which version, from which parameters.</summary>
/// <param name="Name">The stage name, e.g. <c>Integrate</c>.</param>
/// <param name="Version">The stage version (its version stamp).</param>
/// <param name="ParameterJson">The stage's parameter stamp: canonical JSON of the parameters it read.</param>
public sealed record StageIdentity(string Name, string Version, string ParameterJson)
{
    /// <summary>
    /// The identity recorded in <paramref name="stage"/>'s stamps under <paramref name="layout"/>, exactly as MSBuild
    /// compared them before running the stage.
    /// </summary>
    /// <exception cref="InvalidOperationException">A stamp is missing: the stage was started without the build's preparation.</exception>
    public static StageIdentity FromStamps(ArtifactLayout layout, string stage)
    {
        string Required(string path) => StampFile.Read(path)
            ?? throw new InvalidOperationException($"The stamp {path} does not exist; run {stage} through the build (PrepareScan writes it).");
        return new StageIdentity(stage, Required(layout.VersionStamp(stage)).Trim(), Required(layout.ParameterStamp(stage)));
    }
}
