using TomoSaxs.Scan;

namespace TomoSaxs.Phantom;

/// <summary>
/// Where the phantom writes each raw input: exactly the paths of scan.yaml's <c>raw:</c> section, so that the
/// generated files are the scan the definition describes (absolute paths).
/// </summary>
/// <param name="HighResCt">High-resolution CT stack folder.</param>
/// <param name="LowResCt">Low-resolution CT stack folder.</param>
/// <param name="Theta">Fibre-tracing α stack folder (8-bit).</param>
/// <param name="Phi">Fibre-tracing β stack folder (8-bit).</param>
/// <param name="Index">Fibre-tracing id stack folder (16-bit).</param>
/// <param name="Padding">vox_padding.xlsx.</param>
/// <param name="WaxsMap">WAXS map NeXus file.</param>
/// <param name="Saxs">One SAXS NeXus file per angle, in scan.yaml order.</param>
/// <param name="Background">Empty-tube line scan NeXus file.</param>
/// <param name="Buffer">Buffer line scan NeXus file.</param>
/// <param name="Mask">DAWN mask file.</param>
/// <param name="Calibration">DAWN calibration file.</param>
public sealed record PhantomOutputs(
    string HighResCt, string LowResCt, string Theta, string Phi, string Index, string Padding, string WaxsMap,
    IReadOnlyList<string> Saxs, string Background, string Buffer, string Mask, string Calibration)
{
    /// <summary>The outputs named by a scan's raw inputs (the buffer line scan must be given).</summary>
    public PhantomOutputs(RawInputs raw)
        : this(raw.Ct.HighRes, raw.Ct.LowRes, raw.Fibres.Theta, raw.Fibres.Phi, raw.Fibres.Index, raw.Fibres.Padding,
            raw.WaxsMap, [.. raw.Saxs.Files], raw.Background,
            raw.Buffer ?? throw new ArgumentException("A phantom scan needs raw.buffer.", nameof(raw)), raw.Mask, raw.Calibration)
    {
    }
}
