using TomoSaxs.Scan;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Phantom.Tests;

/// <summary>The committed presets load and validate; a bad <c>phantom:</c> block gives clear errors naming key paths.</summary>
public sealed class SpecTests
{
    private static string Committed(string name) => Path.Combine(SharedData.RepositoryRoot, "scans", name, "scan.yaml");

    [Fact]
    public void The_committed_example_loads_validates_and_plans()
    {
        var definition = PhantomDefinition.Load(Committed("example"));
        var plan = PhantomScan.Plan(definition);

        Assert.True(definition.IsPhantom);
        Assert.Equal(Enumerable.Range(0, 9).Select(k => -90 + 22.5 * k), plan.AnglesDeg);
        Assert.Equal(4, plan.Slices);
        Assert.InRange(plan.Fibres.Count, 50, 1000);
        Assert.Equal(Path.GetFullPath(Path.Combine(SharedData.RepositoryRoot, "artifacts", "example", "raw", "saxs", "i22-100001.nxs")), plan.Outputs.Saxs[0]);
    }

    [Theory]
    [InlineData("example")]
    [InlineData("bench")]
    public void The_presets_are_the_committed_scan_definitions(string name)
    {
        Assert.Equal(File.ReadAllText(Committed(name)), PhantomPresets.Yaml(name));
    }

    [Fact]
    public void The_example_detector_holds_the_whole_third_order_band_and_flanks_on_its_left_half()
    {
        var spec = PhantomDefinition.SpecOf(PhantomDefinition.Load(Committed("example")));
        var detector = spec.Detector;
        // q0 ± 0.02 nm⁻¹ (the model window) plus the 0.005 nm⁻¹ flanks, around the reference q0.
        var radiusPx = RadiusPx(detector, 0.282179 + 0.02 + 0.005);

        Assert.True(detector.CentreXPx - radiusPx >= 0, $"the band reaches {radiusPx:F1} px left of the centre");
        Assert.True(detector.CentreYPx - radiusPx >= 0 && detector.CentreYPx + radiusPx <= detector.Rows, $"the band reaches {radiusPx:F1} px up and down");
        // So does the band of the stiffest fibre (D = 64 nm) with its integration window.
        Assert.True(detector.CentreXPx - RadiusPx(detector, 6 * Math.PI / spec.Fibres.DPeriodNm.Min + 0.01 + 0.005) >= 0);
    }

    [Fact]
    public void The_bench_preset_has_the_I22_Pilatus_2M_geometry()
    {
        var spec = PhantomDefinition.SpecOf(PhantomDefinition.Load(Committed("bench")));

        Assert.Equal((1679, 1475, 172.0, 9773.861, 685.1, 949.1, 0.08856015),
            (spec.Detector.Rows, spec.Detector.Columns, spec.Detector.PixelUm, spec.Detector.DistanceMm, spec.Detector.CentreXPx, spec.Detector.CentreYPx, spec.Detector.WavelengthNm));
        Assert.Equal(new ModuleSpec(195, 487, 17, 7), spec.Detector.Modules);
    }

    [Fact]
    public void Problems_of_the_phantom_block_name_their_key_paths_all_at_once()
    {
        var yaml = TinyScan.Yaml()
            .Replace("    gap_um: 50\n", "    gap_uum: 50\n", StringComparison.Ordinal)
            .Replace("raster: { slices: 2,", "raster: { slices: two,", StringComparison.Ordinal)
            .Replace("i0_jitter: 0.02", "i0_jitter: 0.5", StringComparison.Ordinal)
            .Replace("length_um: { min: 250, max: 400 }", "length_um: { min: 450, max: 400 }", StringComparison.Ordinal)
            .Replace("beam_centre_px: { x: 54.3, y: 49.6 }", "beam_centre_px: { x: 54.3, y: 149.6 }", StringComparison.Ordinal);

        var problems = Problems(yaml);

        Assert.Equal(
            ["phantom.detector.beam_centre_px", "phantom.beam.i0_jitter", "phantom.raster.slices", "phantom.fibres.length_um", "phantom.fibres.gap_uum"],
            problems.Select(p => p.KeyPath));
        Assert.Contains("must lie on the 64 × 100 px detector", problems[0].Message);
        Assert.Contains("out of range", problems[1].Message);
        Assert.Contains("expected a whole number", problems[2].Message);
        Assert.Contains("max (400) is below min (450)", problems[3].Message);
        Assert.Contains("did you mean 'gap_um'?", problems[4].Message);
        Assert.All(problems, p => Assert.NotNull(p.Line));
    }

    [Fact]
    public void A_phantom_block_without_a_seed_is_refused()
    {
        var problem = Assert.Single(Problems(TinyScan.Yaml().Replace("  seed: 7\n", "", StringComparison.Ordinal)));

        Assert.Equal("phantom.seed", problem.KeyPath);
        Assert.Contains("missing required key", problem.Message);
    }

    [Fact]
    public void A_sample_that_does_not_fit_the_tube_and_slices_outside_the_disc_are_reported_when_planning()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("scan.yaml");
        File.WriteAllText(file, TinyScan.Yaml()
            .Replace("outer_semi_axes_um: { x: 650, z: 480 }", "outer_semi_axes_um: { x: 950, z: 480 }", StringComparison.Ordinal)
            .Replace("first_slice_height_um: 350", "first_slice_height_um: 580", StringComparison.Ordinal));
        var definition = PhantomDefinition.Load(file);

        var error = Assert.Throws<ScanDefinitionException>(() => PhantomScan.Plan(definition));

        Assert.Equal(["phantom.sample.outer_semi_axes_um", "phantom.raster.first_slice_height_um"], error.Problems.Select(p => p.KeyPath));
        Assert.Contains("inner radius is 900 µm", error.Problems[0].Message);
        Assert.Contains("every slice must lie inside the disc", error.Problems[1].Message);
        Assert.All(error.Problems, p => Assert.NotNull(p.Line));
    }

    [Fact]
    public void A_scan_without_a_phantom_block_cannot_be_planned()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("scan.yaml");
        var yaml = TinyScan.Yaml();
        File.WriteAllText(file, yaml[..yaml.IndexOf("phantom:", StringComparison.Ordinal)]);
        var definition = PhantomDefinition.Load(file, rawFiles: RawFileCheck.Never);

        var error = Assert.Throws<ScanDefinitionException>(() => PhantomScan.Plan(definition));

        Assert.Equal("phantom", Assert.Single(error.Problems).KeyPath);
    }

    private static IReadOnlyList<ScanProblem> Problems(string yaml)
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("scan.yaml");
        File.WriteAllText(file, yaml);
        return Assert.Throws<ScanDefinitionException>(() => PhantomDefinition.Load(file)).Problems;
    }

    /// <summary>The detector radius (pixels) of scattering vector <paramref name="q"/> (nm⁻¹) for an untilted detector.</summary>
    private static double RadiusPx(DetectorSpec detector, double q)
    {
        var twoTheta = 2 * Math.Asin(q * detector.WavelengthNm / (4 * Math.PI));
        return detector.DistanceMm * 1000 * Math.Tan(twoTheta) / detector.PixelUm;
    }
}
