namespace TomoSaxs.Scan.Tests;

/// <summary>The parameter stamp: canonical JSON of exactly one stage's effective parameters.</summary>
public sealed class CanonicalParameterJsonTests
{
    [Fact]
    public void The_default_integrate_stamp_has_sorted_keys_and_invariant_numbers()
    {
        using var scan = new ScanFolder();

        var definition = scan.Load(ScanFolder.CompleteWith("integrate: { chi_bins: 360 }", "integrate: {}"));

        Assert.Equal(
            """{"background_band_nm":0.005,"band_half_width_nm":0.01,"chi_bins":180,"q0_nm":0.282179}""",
            definition.Stages.CanonicalJson("integrate"));
        Assert.Equal("""{"along_beam_resolved":true,"along_beam_step_um":"auto","along_beam_window_um":"auto","beam_fwhm_um":"auto","beam_height_um":"auto","fibre_model":"cylinder","map_angle_deg":0,"min_beam_weight":0.001,"qc_figures":true,"reach_sigmas":5,"tube_centre_fit":"rotation","tube_centres_um":"auto","vertical_interfaces":true,"vertical_offset_um":"auto","vertical_sense":1,"wall_peak_fraction":0.3,"wall_profile_fwhm_um":"auto","waxs_beam_fwhm_um":"auto"}""",
            definition.Stages.CanonicalJson("register"));
    }

    [Fact]
    public void The_stamp_is_identical_across_loads_and_ignores_how_the_yaml_is_written()
    {
        using var scan = new ScanFolder();
        var first = scan.Load(ScanFolder.CompleteYaml).Stages.CanonicalJson("integrate");
        var again = scan.Load(ScanFolder.CompleteYaml).Stages.CanonicalJson("integrate");
        // Same values, written differently: other key order, trailing zeros, exponent, explicit defaults.
        var rewritten = scan.Load(ScanFolder.CompleteWith(
            "integrate: { chi_bins: 360 }",
            "integrate:\n    band_half_width_nm: 1.0e-2\n    chi_bins: +360\n    q0_nm: 0.2821790")).Stages.CanonicalJson("integrate");
        var overridden = scan.Load(ScanFolder.CompleteWith("integrate: { chi_bins: 360 }", "integrate: {}"), ["integrate.chi_bins=360"])
            .Stages.CanonicalJson("integrate");

        Assert.Equal(first, again);
        Assert.Equal(first, rewritten);
        Assert.Equal(first, overridden);
    }

    [Fact]
    public void Changing_one_parameter_changes_only_that_stage_stamp()
    {
        using var scan = new ScanFolder();
        var before = scan.Load(ScanFolder.CompleteYaml).Stages;

        var after = scan.Load(ScanFolder.CompleteYaml, ["integrate.background_band_nm=0.006"]).Stages;

        Assert.NotEqual(before.CanonicalJson("integrate"), after.CanonicalJson("integrate"));
        Assert.Contains("\"background_band_nm\":0.006", after.CanonicalJson("integrate"));
        Assert.Equal(before.CanonicalJson("register"), after.CanonicalJson("register"));
    }

    [Fact]
    public void Unchanged_by_other_sections_of_the_file()
    {
        using var scan = new ScanFolder();
        var before = scan.Load(ScanFolder.CompleteYaml).Stages.CanonicalJson("integrate");

        var after = scan.Load(ScanFolder.CompleteWith("tube_wall_um: 125", "tube_wall_um: 130")).Stages.CanonicalJson("integrate");

        Assert.Equal(before, after);
    }

    [Fact]
    public void A_pinned_auto_parameter_is_written_as_a_number()
    {
        using var scan = new ScanFolder();

        var stamp = scan.Load(ScanFolder.CompleteYaml, ["register.vertical_offset_um=-12.50"]).Stages.CanonicalJson("register");

        Assert.Equal("""{"along_beam_resolved":true,"along_beam_step_um":"auto","along_beam_window_um":"auto","beam_fwhm_um":"auto","beam_height_um":"auto","fibre_model":"cylinder","map_angle_deg":0,"min_beam_weight":0.001,"qc_figures":true,"reach_sigmas":5,"tube_centre_fit":"rotation","tube_centres_um":"auto","vertical_interfaces":true,"vertical_offset_um":-12.5,"vertical_sense":1,"wall_peak_fraction":0.3,"wall_profile_fwhm_um":"auto","waxs_beam_fwhm_um":"auto"}""", stamp);
    }
}
