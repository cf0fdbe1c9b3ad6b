using TomoSaxs.Scan;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Scan.Tests;

/// <summary>
/// A temporary scan folder holding every raw input a complete scan.yaml names (empty placeholder files and
/// folders: the loader checks existence, not content), plus helpers to write scan.yaml variants and load them.
/// </summary>
internal sealed class ScanFolder : IDisposable
{
    public const string CompleteYaml = """
        name: IVD_01
        raw:
          ct: { high_res: ct/high, low_res: ct/low, voxel_um: { high: 1.625, low: 2.6 } }
          fibres: { theta: fibres/theta, phi: fibres/phi, index: fibres/index, scale: 5, padding: vox_padding.xlsx }
          waxs_map: saxs/i22-100000.nxs
          saxs:
            angles_deg: [-90, -67.5, -45, -22.5, 0, 22.5, 45, 67.5, 90]
            files:
              - saxs/i22-100001.nxs
              - saxs/i22-100002.nxs
              - saxs/i22-100003.nxs
              - saxs/i22-100004.nxs
              - saxs/i22-100005.nxs
              - saxs/i22-100006.nxs
              - saxs/i22-100007.nxs
              - saxs/i22-100008.nxs
              - saxs/i22-100009.nxs
          background: saxs/i22-100010.nxs
          buffer: saxs/i22-100011.nxs
          mask: processing/SAXS_mask.nxs
          calibration: processing/SAXS_calibration.nxs
        geometry: { tube_outer_diameter_um: 4000, tube_wall_um: 125, rotation_sign: -1, binning: 2 }
        stages:
          register: { vertical_offset_um: auto }
          integrate: { chi_bins: 360 }
        slurm: { partition: cs04r, time: "04:00:00", mem: 16G, cpus_per_task: 8, account: sm12345, extra_args: [--qos=high] }
        """;

    private readonly TemporaryDirectory temp = new();

    public ScanFolder()
    {
        foreach (var folder in new[] { "ct/high", "ct/low", "fibres/theta", "fibres/phi", "fibres/index" })
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Path, folder));
        }

        var files = new[] { "vox_padding.xlsx", "processing/SAXS_mask.nxs", "processing/SAXS_calibration.nxs" }
            .Concat(Enumerable.Range(0, 12).Select(i => $"saxs/i22-1000{i:D2}.nxs"));
        foreach (var file in files)
        {
            var full = System.IO.Path.Combine(Path, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "");
        }
    }

    /// <summary>The scan folder (holds scan.yaml).</summary>
    public string Path => temp.Path;

    /// <summary>The scan.yaml path.</summary>
    public string DefinitionFile => temp.File("scan.yaml");

    /// <summary>An absolute path inside the scan folder.</summary>
    public string Resolve(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative));

    /// <summary>Writes scan.yaml and loads it.</summary>
    public ScanDefinition Load(string yaml, IEnumerable<string>? overrides = null, ScanLoadOptions? options = null)
    {
        File.WriteAllText(DefinitionFile, yaml);
        return ScanDefinitionLoader.Load(DefinitionFile, overrides, options);
    }

    /// <summary>Writes scan.yaml, expects loading to fail, and returns the problems.</summary>
    public IReadOnlyList<ScanProblem> Problems(string yaml, IEnumerable<string>? overrides = null, ScanLoadOptions? options = null)
    {
        File.WriteAllText(DefinitionFile, yaml);
        var error = Assert.Throws<ScanDefinitionException>(() => ScanDefinitionLoader.Load(DefinitionFile, overrides, options));
        Assert.Equal(DefinitionFile, error.DefinitionFile);
        return error.Problems;
    }

    /// <summary>The complete example with one exact text replaced (the text must occur once).</summary>
    public static string CompleteWith(string find, string replace)
    {
        var at = CompleteYaml.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0 && CompleteYaml.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find}' must occur once");
        return CompleteYaml[..at] + replace + CompleteYaml[(at + find.Length)..];
    }

    public void Dispose() => temp.Dispose();
}
