namespace TomoSaxs.Pipeline;

/// <summary>Everything <see cref="StalenessExplainer"/> compares for one stage and one slice (or the scan).</summary>
/// <param name="Inputs">The declared input files, concrete paths (the stamps are given separately).</param>
/// <param name="Outputs">The declared output files, concrete paths.</param>
/// <param name="Stamps">The stage's parameter and version stamps.</param>
/// <param name="Force">Whether <c>--force</c> was given.</param>
/// <param name="PendingProducer">
/// For an input that an upstream stage in the same build will rewrite first, that stage's label (e.g.
/// <c>Seed</c>, <c>Correct slice 03</c>); null for any other file.
/// </param>
public sealed record StalenessCheck(
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    StageStamps Stamps,
    bool Force,
    Func<string, string?> PendingProducer);
