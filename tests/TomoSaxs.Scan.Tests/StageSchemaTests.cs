namespace TomoSaxs.Scan.Tests;

/// <summary>The stage parameter registry: declarations, defaults, every parameter kind, and declaration mistakes.</summary>
public sealed class StageSchemaTests
{
    private static readonly StageSchema Demo = new("demo", "A stage with one parameter of every kind.",
    [
        ParameterDefinition.Number("threshold", 0.9, "fraction of the signal kept, dimensionless", NumericRange.Between(0, 1)),
        ParameterDefinition.Integer("window_deg", 10, "χ window, degrees", NumericRange.AtLeast(1)),
        ParameterDefinition.Boolean("legacy_grid", false, "reproduce the reference gridding rules"),
        ParameterDefinition.Text("label", "run", "free label copied into outputs"),
        ParameterDefinition.Choice("solver", "nnls", ["nnls", "lsq"], "amplitude solver"),
        ParameterDefinition.AutoOrNumber("offset_um", AutoOrNumber.Auto, "offset, µm; auto = estimated"),
        ParameterDefinition.Number("seed_um", null, "a value the scan must give, µm"),
    ]);

    private static readonly ScanLoadOptions DemoOptions = new() { Catalog = new StageCatalog(Demo) };

    [Fact]
    public void The_default_catalog_declares_the_design_parameters_with_the_reference_defaults()
    {
        var integrate = StageCatalog.Default.Find("integrate")!;
        var register = StageCatalog.Default.Find("register")!;

        Assert.Equal(["q0_nm", "band_half_width_nm", "background_band_nm", "chi_bins"], integrate.Parameters.Select(p => p.Name));
        Assert.Equal([0.282179, 0.01, 0.005, 180], integrate.Parameters.Select(p => Convert.ToDouble(p.Default, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(ParameterKind.Integer, integrate.Find("chi_bins")!.Kind);
        Assert.Equal(ParameterKind.AutoOrNumber, register.Find("vertical_offset_um")!.Kind);
        Assert.Equal(AutoOrNumber.Auto, register.Find("vertical_offset_um")!.Default);
        Assert.All(StageCatalog.Default.Stages.SelectMany(s => s.Parameters), p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Fact]
    public void A_new_stage_gets_defaults_file_values_and_overrides_of_every_kind()
    {
        using var scan = new ScanFolder();
        var yaml = ScanFolder.CompleteWith(
            "  register: { vertical_offset_um: auto }\n  integrate: { chi_bins: 360 }",
            "  demo: { legacy_grid: TRUE, solver: LSQ, label: \"007\", seed_um: 2.5 }");

        var demo = scan.Load(yaml, ["demo.offset_um=3", "demo.threshold=0.5"], DemoOptions).Stages["demo"];

        Assert.Equal(0.5, demo.Number("threshold"));
        Assert.Equal(10, demo.Integer("window_deg"));
        Assert.True(demo.Boolean("legacy_grid"));
        Assert.Equal("007", demo.Text("label"));
        Assert.Equal("lsq", demo.Text("solver"));
        Assert.Equal(AutoOrNumber.Of(3), demo.AutoOrNumber("offset_um"));
        Assert.Equal(2.5, demo.Number("seed_um"));
        Assert.Equal(
            """{"label":"007","legacy_grid":true,"offset_um":3,"seed_um":2.5,"solver":"lsq","threshold":0.5,"window_deg":10}""",
            demo.ToCanonicalJson());
    }

    [Fact]
    public void A_parameter_without_a_default_must_be_given()
    {
        using var scan = new ScanFolder();
        var yaml = ScanFolder.CompleteWith("  register: { vertical_offset_um: auto }\n  integrate: { chi_bins: 360 }", "  demo: {}");

        var problem = Assert.Single(scan.Problems(yaml, options: DemoOptions));

        Assert.Equal("stages.demo.seed_um", problem.KeyPath);
        Assert.Equal("missing required parameter; expected a number (a value the scan must give, µm).", problem.Message);
    }

    [Fact]
    public void Booleans_choices_and_quoted_numbers_are_checked()
    {
        using var scan = new ScanFolder();
        var yaml = ScanFolder.CompleteWith(
            "  register: { vertical_offset_um: auto }\n  integrate: { chi_bins: 360 }",
            "  demo: { legacy_grid: yes, solver: svd, window_deg: \"12\", seed_um: 1, threshold: }");

        var problems = scan.Problems(yaml, options: DemoOptions);

        Assert.Equal(
        [
            ("stages.demo.legacy_grid", "expected true or false, got 'yes'."),
            ("stages.demo.solver", "expected one of: nnls, lsq, got 'svd'."),
            ("stages.demo.window_deg", "expected a whole number ≥ 1, got the quoted text \"12\"."),
            ("stages.demo.threshold", "expected a number between 0 and 1, got no value (remove the key to use the default)."),
        ], problems.Select(p => (p.KeyPath, p.Message)));
    }

    [Fact]
    public void Typed_getters_refuse_a_wrong_type_or_an_undeclared_name()
    {
        using var scan = new ScanFolder();
        var integrate = scan.Load(ScanFolder.CompleteYaml).Stages["integrate"];

        Assert.Throws<InvalidOperationException>(() => integrate.Integer("q0_nm"));
        Assert.Throws<InvalidOperationException>(() => integrate.Number("q0"));
    }

    [Fact]
    public void Declaration_mistakes_are_caught_when_the_stage_is_declared()
    {
        Assert.Throws<ArgumentException>(() => ParameterDefinition.Integer("chi_bins", 0, "bins", NumericRange.AtLeast(1)));
        Assert.Throws<ArgumentException>(() => ParameterDefinition.Number("Q0", 1, "q0, nm⁻¹"));
        Assert.Throws<ArgumentException>(() => ParameterDefinition.Number("q0_nm", 1, " "));
        Assert.Throws<ArgumentException>(() => ParameterDefinition.Choice("solver", "svd", ["nnls"], "solver"));
        Assert.Throws<ArgumentException>(() => new StageSchema("demo", "twice",
            [ParameterDefinition.Boolean("a", true, "a"), ParameterDefinition.Boolean("a", false, "a again")]));
        Assert.Throws<ArgumentException>(() => new StageCatalog(Demo, Demo));
    }

    [Theory]
    [InlineData("hig_res", "high_res")]
    [InlineData("voxel-um", "voxel_um")]
    [InlineData("Rotation_Sign", "rotation_sign")]
    [InlineData("angles", "angles_deg")]
    [InlineData("colour", null)]
    public void The_nearest_key_is_suggested_only_when_it_is_a_plausible_typo(string key, string? expected)
    {
        Assert.Equal(expected, KeySuggestion.Nearest(key, ["high_res", "low_res", "voxel_um", "rotation_sign", "angles_deg", "files"]));
    }
}
