namespace TomoSaxs.Scan.Tests;

/// <summary><c>--set stage.param=value</c> overrides, parsed by the same rules as scan.yaml.</summary>
public sealed class ParameterOverrideTests
{
    [Fact]
    public void An_override_wins_over_the_file_and_the_default()
    {
        using var scan = new ScanFolder();

        var definition = scan.Load(ScanFolder.CompleteYaml, ["integrate.chi_bins=90", "integrate.q0_nm=0.2825"]);

        Assert.Equal(new IntegrateParameters(0.2825, 0.01, 0.005, 90), IntegrateParameters.From(definition.Stages));
    }

    [Fact]
    public void An_auto_parameter_can_be_pinned_to_a_number_and_back_to_auto()
    {
        using var scan = new ScanFolder();

        var pinned = scan.Load(ScanFolder.CompleteYaml, ["register.vertical_offset_um=-12.5"]);
        var auto = scan.Load(ScanFolder.CompleteWith("vertical_offset_um: auto", "vertical_offset_um: 40"), ["register.vertical_offset_um=AUTO"]);

        Assert.Equal(AutoOrNumber.Of(-12.5), RegisterParameters.From(pinned.Stages).VerticalOffsetUm);
        Assert.Equal(-12.5, RegisterParameters.From(pinned.Stages).VerticalOffsetUm.NumberOrNull);
        Assert.True(RegisterParameters.From(auto.Stages).VerticalOffsetUm.IsAuto);
    }

    [Fact]
    public void The_last_override_of_a_parameter_wins()
    {
        using var scan = new ScanFolder();

        var definition = scan.Load(ScanFolder.CompleteYaml, ["integrate.chi_bins=90", "integrate.chi_bins=45"]);

        Assert.Equal(45, definition.Stages["integrate"].Integer("chi_bins"));
    }

    [Fact]
    public void Invalid_overrides_are_all_reported_with_their_argument()
    {
        using var scan = new ScanFolder();
        string[] overrides =
        [
            "integrate.chi_bins",           // no value
            "chi_bins=90",                  // no stage
            "integrat.chi_bins=90",         // unknown stage
            "integrate.chi_bin=90",         // unknown parameter
            "integrate.chi_bins=90.5",      // not a whole number
            "integrate.q0_nm=0,3",          // decimal comma: invariant culture only
            "integrate.band_half_width_nm=-0.01",
            "register.vertical_offset_um=automatic",
        ];

        var problems = scan.Problems(ScanFolder.CompleteYaml, overrides);

        Assert.Equal(overrides.Select(o => "--set " + o), problems.Select(p => p.Source));
        Assert.Equal(
        [
            ("", "expected stage.param=value (e.g. integrate.chi_bins=360), got 'integrate.chi_bins'."),
            ("", "expected stage.param=value (e.g. integrate.chi_bins=360), got 'chi_bins=90'."),
            ("stages.integrat", "unknown stage 'integrat'; did you mean 'integrate'?"),
            ("stages.integrate.chi_bin", "unknown parameter 'chi_bin'; did you mean 'chi_bins'?"),
            ("stages.integrate.chi_bins", "expected a whole number ≥ 1, got '90.5'."),
            ("stages.integrate.q0_nm", "expected a number > 0, got '0,3'."),
            ("stages.integrate.band_half_width_nm", "-0.01 is out of range: expected a number > 0."),
            ("stages.register.vertical_offset_um", "expected auto or a number, got 'automatic'."),
        ], problems.Select(p => (p.KeyPath, p.Message)));
        Assert.All(problems, p => Assert.Null(p.Line));
    }

    [Fact]
    public void An_override_value_may_contain_an_equals_sign_and_surrounding_spaces_are_ignored()
    {
        var parsed = ParameterOverride.TryParse(" recon.label = a=b ", out var problem);

        Assert.Null(problem);
        Assert.Equal(new ParameterOverride("recon", "label", " a=b ", " recon.label = a=b "), parsed);
    }
}
