namespace TomoSaxs.Pipeline;

/// <summary>
/// A file a stage reads or writes, as its .targets file declares it (<c>StageInput</c> / <c>StageOutput</c> items).
/// </summary>
/// <param name="Path">
/// Absolute path; in a per-slice stage it may hold <see cref="ArtifactLayout.SliceToken"/> for the slice folder.
/// </param>
/// <param name="Role">The name the stage's task uses to find the file (e.g. <c>seed</c>, <c>provenance</c>).</param>
public sealed record StageFile(string Path, string Role);
