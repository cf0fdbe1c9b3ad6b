using TomoSaxs.Calibrate.Output;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>Where the Calibrate stage writes, normally all in <c>artifacts/&lt;scan&gt;/calibrate/</c>.</summary>
/// <param name="CtFolder">The combined CT as a TIFF stack folder (<c>ct/NNNN.tif</c>).</param>
/// <param name="CtMap">The inverted summed CT map, float32 <c>[z, col]</c> (<c>ct_map.tif</c>, with a provenance sidecar).</param>
/// <param name="Calibration">The calibration file (<c>calibration.h5</c>, provenance as attributes).</param>
/// <param name="Manifest">Written last, listing the CT slices; stands for the folder in the build graph (with a provenance sidecar).</param>
public sealed record CalibrateOutputs(string CtFolder, string CtMap, string Calibration, string Manifest)
{
    /// <summary>The standard names inside <paramref name="calibrateFolder"/>.</summary>
    public static CalibrateOutputs In(string calibrateFolder) => new(
        Path.Combine(calibrateFolder, "ct"),
        Path.Combine(calibrateFolder, "ct_map.tif"),
        Path.Combine(calibrateFolder, CalibrationLayout.FileName),
        Path.Combine(calibrateFolder, "ct.manifest"));
}
