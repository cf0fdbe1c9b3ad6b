using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Scan.Tests;

public sealed class ScanDefinitionLoaderTests
{
    [Fact]
    public void A_complete_definition_loads_with_absolute_paths_typed_values_and_defaults()
    {
        using var scan = new ScanFolder();

        var definition = scan.Load(ScanFolder.CompleteYaml);

        Assert.Equal("IVD_01", definition.Name);
        Assert.Equal(scan.DefinitionFile, definition.DefinitionFile);
        Assert.Equal(scan.Path, definition.ScanFolder);
        Assert.Equal(new CtInputs(scan.Resolve("ct/high"), scan.Resolve("ct/low"), 1.625, 2.6), definition.Raw.Ct);
        Assert.Equal(
            new FibreTracingInputs(scan.Resolve("fibres/theta"), scan.Resolve("fibres/phi"), scan.Resolve("fibres/index"), 5, scan.Resolve("vox_padding.xlsx")),
            definition.Raw.Fibres);
        Assert.Equal(8.125, definition.Raw.Fibres.VoxelUm(definition.Raw.Ct), 12);
        Assert.Equal(scan.Resolve("saxs/i22-100000.nxs"), definition.Raw.WaxsMap);
        Assert.Equal(new[] { -90, -67.5, -45, -22.5, 0, 22.5, 45, 67.5, 90 }, definition.Raw.Saxs.AnglesDeg);
        Assert.Equal(new SaxsRotation(-67.5, scan.Resolve("saxs/i22-100002.nxs")), definition.Raw.Saxs.Rotations[1]);
        Assert.Equal(scan.Resolve("saxs/i22-100010.nxs"), definition.Raw.Background);
        Assert.Equal(scan.Resolve("saxs/i22-100011.nxs"), definition.Raw.Buffer);
        Assert.Equal(scan.Resolve("processing/SAXS_mask.nxs"), definition.Raw.Mask);
        Assert.Equal(scan.Resolve("processing/SAXS_calibration.nxs"), definition.Raw.Calibration);
        Assert.Equal(new ScanGeometry(4000, 125, -1, 2), definition.Geometry);
        Assert.Equal(new IntegrateParameters(0.282179, 0.01, 0.005, 360), IntegrateParameters.From(definition.Stages));
        Assert.True(RegisterParameters.From(definition.Stages).VerticalOffsetUm.IsAuto);
        Assert.Equal("cs04r", definition.Slurm.Partition);
        Assert.Equal("04:00:00", definition.Slurm.Time);
        Assert.Equal("16G", definition.Slurm.Mem);
        Assert.Equal(8, definition.Slurm.CpusPerTask);
        Assert.Equal("sm12345", definition.Slurm.Account);
        Assert.Equal(["--qos=high"], definition.Slurm.ExtraArgs);
        Assert.False(definition.IsPhantom);
    }

    [Fact]
    public void Optional_sections_and_keys_take_their_defaults()
    {
        using var scan = new ScanFolder();
        var yaml = ScanFolder.CompleteYaml
            .Replace("  buffer: saxs/i22-100011.nxs\n", "", StringComparison.Ordinal)
            .Replace(", binning: 2", "", StringComparison.Ordinal);
        yaml = yaml[..yaml.IndexOf("stages:", StringComparison.Ordinal)];

        var definition = scan.Load(yaml);

        Assert.Null(definition.Raw.Buffer);
        Assert.Equal(1, definition.Geometry.Binning);
        Assert.Same(SlurmSettings.None, definition.Slurm);
        Assert.Equal(new IntegrateParameters(0.282179, 0.01, 0.005, 180), IntegrateParameters.From(definition.Stages));
        Assert.Equal(AutoOrNumber.Auto, RegisterParameters.From(definition.Stages).VerticalOffsetUm);
    }

    [Fact]
    public void An_absolute_path_is_kept_and_a_relative_one_starts_at_the_scan_folder()
    {
        using var scan = new ScanFolder();
        using var elsewhere = new TomoSaxs.TestSupport.TemporaryDirectory();
        var mask = elsewhere.File("mask.nxs");
        File.WriteAllText(mask, "");

        var definition = scan.Load(ScanFolder.CompleteWith("mask: processing/SAXS_mask.nxs", $"mask: {mask}")
            .Replace("waxs_map: saxs/i22-100000.nxs", "waxs_map: ./saxs/../saxs/i22-100000.nxs", StringComparison.Ordinal));

        Assert.Equal(mask, definition.Raw.Mask);
        Assert.Equal(scan.Resolve("saxs/i22-100000.nxs"), definition.Raw.WaxsMap);
    }

    [Fact]
    public void A_phantom_scan_may_name_raw_files_that_the_phantom_stage_will_write()
    {
        using var scan = new ScanFolder();
        var yaml = ScanFolder.CompleteWith("high_res: ct/high", "high_res: ../../artifacts/example/raw/ct/high")
                   + "\nphantom: { fibres: 50, seed: 7 }\n";

        var definition = scan.Load(yaml);
        var checkedAnyway = scan.Problems(yaml, options: new ScanLoadOptions { RawFileCheck = RawFileCheck.Always });

        Assert.True(definition.IsPhantom);
        Assert.Equal("50", ((YamlScalarNode)definition.Phantom!.Children[new YamlScalarNode("fibres")]).Value);
        Assert.Equal(Path.GetFullPath(Path.Combine(scan.Path, "../../artifacts/example/raw/ct/high")), definition.Raw.Ct.HighRes);
        Assert.Equal("raw.ct.high_res", Assert.Single(checkedAnyway).KeyPath);
    }

    [Fact]
    public void A_malformed_phantom_block_is_one_problem_not_one_per_raw_file()
    {
        using var scan = new ScanFolder();
        var yaml = ScanFolder.CompleteWith("high_res: ct/high", "high_res: not/written/yet") + "\nphantom: [fibres]\n";

        var problem = Assert.Single(scan.Problems(yaml));

        Assert.Equal("phantom", problem.KeyPath);
        Assert.Equal("expected a mapping describing the synthetic scan, got a list.", problem.Message);
    }

    [Fact]
    public void Raw_file_checks_can_be_switched_off()
    {
        using var scan = new ScanFolder();

        var definition = scan.Load(ScanFolder.CompleteWith("background: saxs/i22-100010.nxs", "background: saxs/not-yet.nxs"),
            options: new ScanLoadOptions { RawFileCheck = RawFileCheck.Never });

        Assert.Equal(scan.Resolve("saxs/not-yet.nxs"), definition.Raw.Background);
    }

    [Fact]
    public void The_phantom_schema_sees_the_block_and_its_problems_are_reported_with_the_rest()
    {
        using var scan = new ScanFolder();
        var yaml = ScanFolder.CompleteWith("rotation_sign: -1", "rotation_sign: 3") + "\nphantom: { fibres: -5, seeed: 7 }\n";
        var options = new ScanLoadOptions
        {
            PhantomSchema = phantom =>
            {
                phantom.Integer("fibres", required: true, NumericRange.AtLeast(1));
                phantom.Integer("seed", required: false);
                phantom.ReportUnknownKeys();
            },
        };

        var problems = scan.Problems(yaml, options: options);

        Assert.Equal(["geometry.rotation_sign", "phantom.fibres", "phantom.seeed"], problems.Select(p => p.KeyPath));
        Assert.Contains("did you mean 'seed'?", problems[2].Message);
    }

    [Fact]
    public void Phantom_overrides_set_nested_keys_before_the_schema_reads_the_block()
    {
        using var scan = new ScanFolder();
        var yaml = ScanFolder.CompleteWith("high_res: ct/high", "high_res: not/written/yet") + "\nphantom: { seed: 7, raster: { slices: 4 } }\n";
        var seen = new List<string>();
        var options = new ScanLoadOptions
        {
            PhantomSchema = phantom =>
            {
                seen.Add($"{phantom.Integer("seed", required: true)} {phantom.Mapping("raster", required: false)?.Integer("slices", required: true)}");
                seen.Add($"{phantom.Mapping("beam", required: false)?.Number("i0", required: true)}");
                phantom.ReportUnknownKeys();
            },
        };

        var definition = scan.Load(yaml, ["phantom.seed=8", "phantom.raster.slices=3", "phantom.beam.i0=5e4"], options);

        Assert.Equal(["8 3", "50000"], seen);
        Assert.Equal("8", ((YamlScalarNode)definition.Phantom!.Children[new YamlScalarNode("seed")]).Value);
    }

    [Fact]
    public void A_phantom_override_needs_a_phantom_block_and_cannot_descend_into_a_value()
    {
        using var scan = new ScanFolder();
        var measured = ScanFolder.CompleteWith("rotation_sign: -1", "rotation_sign: -1");
        var synthetic = ScanFolder.CompleteWith("high_res: ct/high", "high_res: not/written/yet") + "\nphantom: { seed: 7 }\n";

        var none = Assert.Single(scan.Problems(measured, ["phantom.seed=8"]));
        var into = Assert.Single(scan.Problems(synthetic, ["phantom.seed.x=8"]));

        Assert.Equal(("--set phantom.seed=8", "phantom"), (none.Source, none.KeyPath));
        Assert.Equal(("--set phantom.seed.x=8", "phantom.seed"), (into.Source, into.KeyPath));
    }
}
