namespace TomoSaxs.Pipeline;

/// <summary>
/// One stamp as a build sees it before writing anything: the text this build's scan definition calls for and
/// the text on disk from earlier builds.
/// </summary>
/// <param name="Path">The stamp file.</param>
/// <param name="Expected">The content this build would write.</param>
/// <param name="Recorded">The content on disk before this build, or null when there was none.</param>
public sealed record StampState(string Path, string Expected, string? Recorded)
{
    /// <summary>Reads the recorded content of <paramref name="path"/>.</summary>
    public static StampState Read(string path, string expected) => new(path, expected, StampFile.Read(path));

    /// <summary>True when the build would rewrite the stamp.</summary>
    public bool Changed => Recorded != Expected;

    /// <summary>Brings the file in line with <see cref="Expected"/>; true when it had to be written.</summary>
    public bool Write() => StampFile.WriteIfDifferent(Path, Expected);
}
