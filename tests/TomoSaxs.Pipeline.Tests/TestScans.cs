using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests;

/// <summary>
/// Small synthetic scan definitions for the tests: a phantom block (so no raw file needs to exist) whose
/// raster states the slice count, and a few integrate χ bins so that stages stay quick.
/// </summary>
internal static class TestScans
{
    /// <summary>A valid scan.yaml with <paramref name="slices"/> slices and <paramref name="chiBins"/> χ bins.</summary>
    public static string Yaml(int slices = 4, int chiBins = 20, string name = "demo") => $$"""
        name: {{name}}
        raw:
          ct: { high_res: raw/ct/high, low_res: raw/ct/low, voxel_um: { high: 1.625, low: 2.6 } }
          fibres: { theta: raw/fibres/theta, phi: raw/fibres/phi, index: raw/fibres/index, scale: 5, padding: raw/vox_padding.xlsx }
          waxs_map: raw/saxs/waxs.nxs
          saxs: { angles_deg: [-90, 0, 90], files: [raw/saxs/a.nxs, raw/saxs/b.nxs, raw/saxs/c.nxs] }
          background: raw/saxs/background.nxs
          mask: raw/mask.nxs
          calibration: raw/calibration.nxs
        geometry: { tube_outer_diameter_um: 4000, tube_wall_um: 125, rotation_sign: -1 }
        stages:
          integrate: { chi_bins: {{chiBins}} }
        phantom: { seed: 7, raster: { slices: {{slices}} } }

        """;

    /// <summary>Writes <paramref name="yaml"/> as <c>&lt;folder&gt;/scan.yaml</c> and returns its path.</summary>
    public static string Write(string folder, string yaml)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "scan.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    /// <summary>A scan context for <see cref="Yaml"/> in <paramref name="temp"/>.</summary>
    public static ScanContext Load(TemporaryDirectory temp, IEnumerable<string>? overrides = null, string? yaml = null) =>
        ScanContext.Load(Write(temp.File("scan"), yaml ?? Yaml()), temp.File("artifacts"), overrides);
}
