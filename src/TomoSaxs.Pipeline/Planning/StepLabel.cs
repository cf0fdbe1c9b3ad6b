namespace TomoSaxs.Pipeline;

/// <summary>How messages name one step of a build: <c>Seed</c>, or <c>Stripe slice 03</c> for a per-slice stage.</summary>
public static class StepLabel
{
    /// <summary>The label of <paramref name="stage"/> for <paramref name="slice"/> (null for a scan-level step).</summary>
    public static string Of(string stage, int? slice) =>
        slice is { } s ? $"{stage} slice {ArtifactLayout.SliceFolderName(s)}" : stage;
}
