namespace TomoSaxs.Pipeline;

/// <summary>
/// The two stamps every stage has as implicit inputs: its parameter stamp (the canonical JSON of the parameter
/// sections it reads) and its stage-version stamp. Written before any stage runs, and only when their content
/// changes, so MSBuild reruns exactly the stages whose parameters or version changed.
/// </summary>
/// <param name="Parameters">The parameter stamp.</param>
/// <param name="Version">The stage-version stamp.</param>
public sealed record StageStamps(StampState Parameters, StampState Version)
{
    /// <summary>The stamps <paramref name="stage"/> should have for <paramref name="scan"/>, with what is on disk now.</summary>
    public static StageStamps For(StageDeclaration stage, ScanContext scan) =>
        new(StampState.Read(scan.Layout.ParameterStamp(stage.Name), ParameterStamp.Compose(scan.Definition, stage.ParameterSections)),
            StampState.Read(scan.Layout.VersionStamp(stage.Name), stage.Version));

    /// <summary>
    /// <paramref name="stage"/>'s stamps as this build already wrote them (PrepareScan runs before any stage): their
    /// content is taken as expected, so only their times count, as they do for MSBuild when the stage's target runs.
    /// </summary>
    /// <exception cref="InvalidOperationException">A stamp is missing: the stage was started without the build's preparation.</exception>
    public static StageStamps AsWritten(ArtifactLayout layout, string stage)
    {
        StampState Current(string path) => StampFile.Read(path) is { } text
            ? new StampState(path, text, text)
            : throw new InvalidOperationException($"The stamp {path} does not exist; run {stage} through the build (PrepareScan writes it).");
        return new StageStamps(Current(layout.ParameterStamp(stage)), Current(layout.VersionStamp(stage)));
    }

    /// <summary>Writes whichever stamp changed; true when any file was written.</summary>
    public bool Write()
    {
        var parameters = Parameters.Write();
        var version = Version.Write();
        return parameters || version;
    }
}
