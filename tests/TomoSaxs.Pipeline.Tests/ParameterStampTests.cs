using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests;

public sealed class ParameterStampTests
{
    [Fact]
    public void A_stamp_holds_exactly_the_declared_sections_with_sorted_keys()
    {
        using var temp = new TemporaryDirectory();
        var scan = TestScans.Load(temp);

        var stamp = ParameterStamp.Compose(scan.Definition, ["register", "integrate", "integrate"]);

        Assert.Equal(
            "{\"integrate\":{\"background_band_nm\":0.005,\"band_half_width_nm\":0.01,\"chi_bins\":20,\"q0_nm\":0.282179}," +
            "\"register\":{\"along_beam_resolved\":true,\"along_beam_step_um\":\"auto\",\"along_beam_window_um\":\"auto\",\"beam_fwhm_um\":\"auto\",\"beam_height_um\":\"auto\",\"fibre_model\":\"cylinder\",\"map_angle_deg\":0,\"min_beam_weight\":0.001,\"qc_figures\":true,\"reach_sigmas\":5,\"tube_centre_fit\":\"rotation\",\"tube_centres_um\":\"auto\",\"vertical_interfaces\":true,\"vertical_offset_um\":\"auto\",\"vertical_sense\":1,\"wall_peak_fraction\":0.3,\"wall_profile_fwhm_um\":\"auto\",\"waxs_beam_fwhm_um\":\"auto\"}}",
            stamp);
        Assert.Equal("{}", ParameterStamp.Compose(scan.Definition, []));
    }

    [Fact]
    public void Geometry_raw_paths_and_the_phantom_block_can_be_stamped_too()
    {
        using var temp = new TemporaryDirectory();
        var scan = TestScans.Load(temp);

        var leaves = CanonicalJson.Leaves(ParameterStamp.Compose(scan.Definition, ["geometry", "raw", "phantom"]));

        Assert.Equal("4000", leaves["geometry.tube_outer_diameter_um"]);
        Assert.Equal("-1", leaves["geometry.rotation_sign"]);
        Assert.Equal($"\"{temp.File("scan/raw/mask.nxs")}\"", leaves["raw.mask"]);
        Assert.Equal("\"4\"", leaves["phantom.raster.slices"]);
        Assert.Equal("\"7\"", leaves["phantom.seed"]);
    }

    [Fact]
    public void Equal_values_give_equal_text_whatever_the_spelling_in_scan_yaml()
    {
        using var temp = new TemporaryDirectory();
        var written = TestScans.Load(temp, yaml: TestScans.Yaml().Replace("chi_bins: 20 }", "chi_bins: 20, q0_nm: 0.2821790 }", StringComparison.Ordinal));
        var overridden = TestScans.Load(temp, ["integrate.q0_nm=2.82179e-1"]);

        Assert.Equal(ParameterStamp.Compose(written.Definition, ["integrate"]), ParameterStamp.Compose(overridden.Definition, ["integrate"]));
    }

    [Fact]
    public void An_unknown_section_is_a_declaration_error_naming_the_choices()
    {
        using var temp = new TemporaryDirectory();
        var scan = TestScans.Load(temp);

        var error = Assert.Throws<ArgumentException>(() => ParameterStamp.Compose(scan.Definition, ["recon"]));

        Assert.Contains("'recon' is not a parameter section", error.Message, StringComparison.Ordinal);
        Assert.Contains("register, correct, integrate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Differences_name_each_changed_value()
    {
        Assert.Empty(ParameterStamp.Differences("{\"a\":{\"x\":1}}", "{\"a\":{\"x\":1}}"));
        Assert.Equal(["a.x 1 → 2", "a.y no longer read", "b.z = \"auto\" (new)"],
            ParameterStamp.Differences("{\"a\":{\"x\":1,\"y\":true}}", "{\"a\":{\"x\":2},\"b\":{\"z\":\"auto\"}}"));
        Assert.Equal(["the recorded stamp is not valid JSON"], ParameterStamp.Differences("{broken", "{}"));
    }
}
