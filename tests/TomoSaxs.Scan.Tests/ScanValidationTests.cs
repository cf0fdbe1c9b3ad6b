namespace TomoSaxs.Scan.Tests;

/// <summary>Each kind of mistake in scan.yaml gives a problem naming the file, the key path and what was expected.</summary>
public sealed class ScanValidationTests
{
    [Fact]
    public void An_unknown_key_is_reported_at_its_line_with_the_nearest_known_key()
    {
        using var scan = new ScanFolder();

        var problems = scan.Problems(ScanFolder.CompleteWith("  ct: { high_res: ct/high,", "  ct: { hig_res: ct/high,"));

        var unknown = Assert.Single(problems, p => p.KeyPath == "raw.ct.hig_res");
        Assert.Equal(scan.DefinitionFile, unknown.Source);
        Assert.Equal(3, unknown.Line);
        Assert.Equal("unknown key 'hig_res'; did you mean 'high_res'?", unknown.Message);
        var missing = Assert.Single(problems, p => p.KeyPath == "raw.ct.high_res");
        Assert.Contains("missing required key", missing.Message);
    }

    [Fact]
    public void An_unknown_key_with_no_near_match_lists_the_known_keys()
    {
        using var scan = new ScanFolder();

        var problem = Assert.Single(scan.Problems(ScanFolder.CompleteYaml + "\nnotes: measured in 2023\n"));

        Assert.Equal("notes", problem.KeyPath);
        Assert.Contains("expected one of: geometry, name, phantom, raw, slurm, stages", problem.Message);
    }

    [Fact]
    public void A_missing_required_key_names_its_path_and_the_expected_value()
    {
        using var scan = new ScanFolder();

        var problem = Assert.Single(scan.Problems(ScanFolder.CompleteWith(" tube_wall_um: 125,", "")));

        Assert.Equal("geometry.tube_wall_um", problem.KeyPath);
        Assert.Equal("missing required key; expected a number > 0.", problem.Message);
        Assert.Equal(scan.DefinitionFile, problem.Source);
    }

    [Fact]
    public void A_missing_section_is_reported()
    {
        using var scan = new ScanFolder();
        var yaml = ScanFolder.CompleteYaml.Replace(
            "geometry: { tube_outer_diameter_um: 4000, tube_wall_um: 125, rotation_sign: -1, binning: 2 }\n", "", StringComparison.Ordinal);

        var problem = Assert.Single(scan.Problems(yaml));

        Assert.Equal("geometry", problem.KeyPath);
        Assert.Contains("missing required key; expected a mapping", problem.Message);
    }

    [Fact]
    public void A_wrong_type_says_what_was_expected_and_what_was_found()
    {
        using var scan = new ScanFolder();

        var problems = scan.Problems(ScanFolder.CompleteWith("tube_outer_diameter_um: 4000", "tube_outer_diameter_um: four thousand")
            .Replace("scale: 5", "scale: \"5\"", StringComparison.Ordinal)
            .Replace("waxs_map: saxs/i22-100000.nxs", "waxs_map: [saxs/i22-100000.nxs]", StringComparison.Ordinal));

        Assert.Equal(
        [
            ("raw.fibres.scale", "expected a number > 0, got the quoted text \"5\"."),
            ("raw.waxs_map", "expected a file path, got a list."),
            ("geometry.tube_outer_diameter_um", "expected a number > 0, got 'four thousand'."),
        ], problems.Select(p => (p.KeyPath, p.Message)));
    }

    [Fact]
    public void A_scalar_where_a_list_is_expected_is_reported()
    {
        using var scan = new ScanFolder();

        var problems = scan.Problems(ScanFolder.CompleteWith(
            "angles_deg: [-90, -67.5, -45, -22.5, 0, 22.5, 45, 67.5, 90]", "angles_deg: -90"));

        var problem = Assert.Single(problems);
        Assert.Equal("raw.saxs.angles_deg", problem.KeyPath);
        Assert.Equal("expected a list of numbers between -360 and 360, got '-90'.", problem.Message);
    }

    [Fact]
    public void A_missing_file_in_a_list_is_named_by_its_index()
    {
        using var scan = new ScanFolder();
        File.Delete(scan.Resolve("saxs/i22-100004.nxs"));

        var problem = Assert.Single(scan.Problems(ScanFolder.CompleteYaml));

        Assert.Equal("raw.saxs.files[3]", problem.KeyPath);
        Assert.Equal(12, problem.Line);
        Assert.Equal(
            $"the file '{scan.Resolve("saxs/i22-100004.nxs")}' does not exist (relative paths start at the scan folder {scan.Path}).",
            problem.Message);
    }

    [Fact]
    public void A_missing_folder_and_a_folder_given_for_a_file_are_reported()
    {
        using var scan = new ScanFolder();
        Directory.Delete(scan.Resolve("ct/low"));

        var problems = scan.Problems(ScanFolder.CompleteWith("padding: vox_padding.xlsx", "padding: fibres"));

        Assert.Equal(["raw.ct.low_res", "raw.fibres.padding"], problems.Select(p => p.KeyPath));
        Assert.StartsWith($"the TIFF stack folder or file '{scan.Resolve("ct/low")}' does not exist", problems[0].Message);
        Assert.Equal($"expected a file, but '{scan.Resolve("fibres")}' is a folder.", problems[1].Message);
    }

    [Fact]
    public void Nine_angles_with_eight_files_is_an_inconsistent_count()
    {
        using var scan = new ScanFolder();

        var problem = Assert.Single(scan.Problems(ScanFolder.CompleteWith("      - saxs/i22-100009.nxs\n", "")));

        Assert.Equal("raw.saxs.files", problem.KeyPath);
        Assert.Equal("8 files for 9 angles in raw.saxs.angles_deg; expected exactly one file per angle, in the same order.", problem.Message);
    }

    [Fact]
    public void A_repeated_angle_or_file_is_reported()
    {
        using var scan = new ScanFolder();

        var problems = scan.Problems(ScanFolder.CompleteWith("-45, -22.5", "-45, -45")
            .Replace("- saxs/i22-100009.nxs", "- saxs/i22-100001.nxs", StringComparison.Ordinal));

        Assert.Equal(["raw.saxs.angles_deg[3]", "raw.saxs.files[8]"], problems.Select(p => p.KeyPath));
        Assert.Contains("the angle -45 is listed twice", problems[0].Message);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("2")]
    [InlineData("clockwise")]
    [InlineData("\"-1\"")]
    public void A_rotation_sign_other_than_plus_or_minus_one_is_reported(string value)
    {
        using var scan = new ScanFolder();

        var problem = Assert.Single(scan.Problems(ScanFolder.CompleteWith("rotation_sign: -1", $"rotation_sign: {value}")));

        Assert.Equal("geometry.rotation_sign", problem.KeyPath);
        Assert.StartsWith("expected -1 or +1", problem.Message);
    }

    [Fact]
    public void Plus_one_is_a_valid_rotation_sign()
    {
        using var scan = new ScanFolder();

        Assert.Equal(1, scan.Load(ScanFolder.CompleteWith("rotation_sign: -1", "rotation_sign: +1")).Geometry.RotationSign);
    }

    [Fact]
    public void Out_of_range_values_are_reported_with_the_allowed_range()
    {
        using var scan = new ScanFolder();

        var problems = scan.Problems(ScanFolder.CompleteWith("high: 1.625", "high: -1.625")
            .Replace("67.5, 90]", "67.5, 400]", StringComparison.Ordinal)
            .Replace("tube_wall_um: 125", "tube_wall_um: 2000", StringComparison.Ordinal)
            .Replace("binning: 2", "binning: 0", StringComparison.Ordinal));

        Assert.Equal(
        [
            ("raw.ct.voxel_um.high", "-1.625 is out of range: expected a number > 0."),
            ("raw.saxs.angles_deg[8]", "400 is out of range: expected a number between -360 and 360."),
            ("geometry.tube_wall_um", "2000 µm is out of range: expected less than half of tube_outer_diameter_um (4000 µm)."),
            ("geometry.binning", "0 is out of range: expected a whole number ≥ 1."),
        ], problems.Select(p => (p.KeyPath, p.Message)));
    }

    [Fact]
    public void Stage_parameters_are_checked_against_their_declarations()
    {
        using var scan = new ScanFolder();

        var problems = scan.Problems(ScanFolder.CompleteWith(
            "integrate: { chi_bins: 360 }",
            "integrate: { chi_bins: 0, q0: 0.3, band_half_width_nm: wide }\n  integrat: { chi_bins: 90 }\n  recon: { single_fraction: 0.9 }"));

        Assert.Equal(
        [
            ("stages.integrate.chi_bins", "0 is out of range: expected a whole number ≥ 1."),
            ("stages.integrate.q0", "unknown parameter 'q0'; did you mean 'q0_nm'?"),
            ("stages.integrate.band_half_width_nm", "expected a number > 0, got 'wide'."),
            ("stages.integrat", "unknown stage 'integrat'; did you mean 'integrate'?"),
            ("stages.recon", "unknown stage 'recon'; expected one of: calibrate, correct, integrate, register."),
        ], problems.Select(p => (p.KeyPath, p.Message)));
    }

    [Fact]
    public void A_cross_parameter_rule_is_checked_on_the_effective_values()
    {
        using var scan = new ScanFolder();

        var problem = Assert.Single(scan.Problems(ScanFolder.CompleteWith(
            "integrate: { chi_bins: 360 }", "integrate: { q0_nm: 0.012 }")));

        Assert.Equal("stages.integrate", problem.KeyPath);
        Assert.Contains("the inner background band must lie at q > 0", problem.Message);
    }

    [Fact]
    public void Slurm_settings_are_checked()
    {
        using var scan = new ScanFolder();

        var problems = scan.Problems(ScanFolder.CompleteWith(
            "slurm: { partition: cs04r, time: \"04:00:00\", mem: 16G, cpus_per_task: 8, account: sm12345, extra_args: [--qos=high] }",
            "slurm: { time: four hours, mem: 16 GB, cpus_per_task: 0, extra_args: --qos=high, nodes: 2 }"));

        Assert.Equal(
            ["slurm.time", "slurm.mem", "slurm.cpus_per_task", "slurm.extra_args", "slurm.nodes"],
            problems.Select(p => p.KeyPath));
        Assert.Contains("got 'four hours'", problems[0].Message);
        Assert.Contains("such as 16G", problems[1].Message);
        Assert.Equal("expected a list of text items, got '--qos=high'.", problems[3].Message);
    }

    [Theory]
    [InlineData("90")]
    [InlineData("1-12")]
    [InlineData("2-00:30:00")]
    [InlineData("UNLIMITED")]
    public void Slurm_time_formats_that_sbatch_accepts_load(string time)
    {
        using var scan = new ScanFolder();

        Assert.Equal(time, scan.Load(ScanFolder.CompleteWith("\"04:00:00\"", time)).Slurm.Time);
    }

    [Fact]
    public void Several_problems_are_reported_together_in_file_order()
    {
        using var scan = new ScanFolder();
        File.Delete(scan.Resolve("processing/SAXS_mask.nxs"));
        var yaml = ScanFolder.CompleteWith("name: IVD_01\n", "")
            .Replace("scale: 5", "scale: 0", StringComparison.Ordinal)
            .Replace("      - saxs/i22-100009.nxs\n", "", StringComparison.Ordinal)
            .Replace("rotation_sign: -1", "rotation_sign: 0", StringComparison.Ordinal)
            .Replace("chi_bins: 360", "chi_bin: 360", StringComparison.Ordinal);

        var error = Assert.Throws<ScanDefinitionException>(() =>
        {
            File.WriteAllText(scan.DefinitionFile, yaml);
            return ScanDefinitionLoader.Load(scan.DefinitionFile, ["integrate.q0_nm=high"]);
        });

        Assert.Equal(
        [
            "name", "raw.fibres.scale", "raw.saxs.files", "raw.mask", "geometry.rotation_sign",
            "stages.integrate.chi_bin", "stages.integrate.q0_nm",
        ], error.Problems.Select(p => p.KeyPath));
        Assert.Equal("--set integrate.q0_nm=high", error.Problems[^1].Source);
        Assert.StartsWith($"The scan definition {scan.DefinitionFile} has 7 problems:", error.Message);
        Assert.All(error.Problems, p => Assert.Contains(p.ToString(), error.Message));
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        using var scan = new ScanFolder();

        var unclosedFlow = Assert.Single(scan.Problems("name: IVD_01\nraw: { ct: [unclosed\ngeometry: 1\n"));
        var badIndent = Assert.Single(scan.Problems("name: a\n  bad: indent\n"));

        Assert.StartsWith("not valid YAML: unterminated or malformed text", unclosedFlow.Message);
        Assert.Equal(2, unclosedFlow.Line);
        Assert.Equal("not valid YAML: While scanning a plain scalar value, found invalid mapping.", badIndent.Message);
        Assert.Equal((2, 6), (badIndent.Line, badIndent.Column));
    }

    [Fact]
    public void A_key_written_twice_is_reported()
    {
        using var scan = new ScanFolder();

        var problem = Assert.Single(scan.Problems(ScanFolder.CompleteYaml + "\nname: IVD_02\n"));

        Assert.Equal("not valid YAML: the key 'name' is written twice in the same mapping", problem.Message);
        Assert.Equal(27, problem.Line);
    }

    [Fact]
    public void An_empty_file_and_a_missing_file_are_reported()
    {
        using var scan = new ScanFolder();

        var empty = Assert.Single(scan.Problems("# nothing yet\n"));
        var missing = Assert.Throws<ScanDefinitionException>(() => ScanDefinitionLoader.Load(Path.Combine(scan.Path, "absent.yaml")));

        Assert.StartsWith("the file is empty; expected a mapping with the keys name, raw, geometry", empty.Message);
        Assert.Equal("the scan definition file does not exist.", Assert.Single(missing.Problems).Message);
    }

    [Fact]
    public void A_problem_prints_as_file_line_column_key_and_message()
    {
        var problem = new ScanProblem("/scans/x/scan.yaml", "geometry.binning", "0 is out of range.", 14, 3);

        Assert.Equal("/scans/x/scan.yaml:14:3: geometry.binning: 0 is out of range.", problem.ToString());
    }
}
