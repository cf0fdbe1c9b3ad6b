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

    /// <summary>Writes whichever stamp changed; true when any file was written.</summary>
    public bool Write()
    {
        var parameters = Parameters.Write();
        var version = Version.Write();
        return parameters || version;
    }
}
