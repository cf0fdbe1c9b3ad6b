namespace TomoSaxs.Correct.Stage;

/// <summary>The files Correct reads for one slice.</summary>
/// <param name="SaxsFiles">One tomoSAXS NeXus file per angle, in angle order.</param>
/// <param name="AnglesDeg">The angles, degrees.</param>
/// <param name="Background">Empty-chamber (background) scan.</param>
/// <param name="Buffer">Buffer scan, or null.</param>
/// <param name="Mask">DAWN mask file.</param>
/// <param name="Calibration">DAWN calibration file.</param>
public sealed record CorrectInputs(
    IReadOnlyList<string> SaxsFiles, IReadOnlyList<double> AnglesDeg, string Background, string? Buffer, string Mask, string Calibration)
{
    /// <summary>Every input file (for provenance).</summary>
    public IEnumerable<string> Files => [.. SaxsFiles, Background, .. Buffer is null ? Array.Empty<string>() : [Buffer], Mask, Calibration];
}
