namespace TomoSaxs.Pipeline;

/// <summary>One reason a stage would run, with the text the plan prints.</summary>
/// <param name="Kind">The kind of reason.</param>
/// <param name="Text">What the plan prints, naming the file, the parameter or the version involved.</param>
public sealed record StalenessReason(StalenessKind Kind, string Text)
{
    /// <summary>
    /// The reason in words that are the same for every slice (file names dropped where they name the slice), so
    /// that a build's opening summary can say it once per stage.
    /// </summary>
    public string Summary => Kind switch
    {
        StalenessKind.MissingOutput => "outputs missing",
        StalenessKind.UpstreamRebuilt => "inputs rebuilt upstream",
        StalenessKind.MissingInput => "inputs missing",
        StalenessKind.InputNewer => "inputs newer than outputs",
        _ => Text,
    };

    /// <inheritdoc />
    public override string ToString() => Text;
}
