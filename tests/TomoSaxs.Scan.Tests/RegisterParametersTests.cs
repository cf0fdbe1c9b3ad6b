namespace TomoSaxs.Scan.Tests;

/// <summary>The Register stage's parameters: defaults, pinned values from --set, and refused values.</summary>
public sealed class RegisterParametersTests
{
    [Fact]
    public void Defaults_are_automatic_with_the_reference_rules()
    {
        using var scan = new ScanFolder();

        var parameters = RegisterParameters.From(scan.Load(ScanFolder.CompleteYaml).Stages);

        Assert.True(parameters.VerticalOffsetUm.IsAuto);
        Assert.Equal(1, parameters.PinnedVerticalSense);
        Assert.Equal(0, parameters.MapAngleDeg);
        Assert.True(parameters.BeamFwhmUm.IsAuto && parameters.BeamHeightUm.IsAuto);
        Assert.True(parameters.AlongBeamStepUm.IsAuto && parameters.AlongBeamWindowUm.IsAuto);
        Assert.Null(parameters.TubeCentresUm);
        Assert.Equal("rotation", parameters.TubeCentreFit);
        Assert.Equal(0.001, parameters.MinBeamWeight);
        Assert.Equal(5, parameters.ReachSigmas);
        Assert.True(parameters.AlongBeamResolved);
    }

    [Fact]
    public void Every_automatic_step_can_be_pinned_with_set()
    {
        using var scan = new ScanFolder();

        var parameters = RegisterParameters.From(scan.Load(ScanFolder.CompleteYaml,
        [
            "register.vertical_offset_um=3950", "register.vertical_sense=-1", "register.map_angle_deg=5",
            "register.beam_fwhm_um=80", "register.beam_height_um=90", "register.along_beam_step_um=50",
            "register.along_beam_window_um=3000", "register.tube_centres_um=12454.5, 12455.5", "register.tube_centre_fit=pooled",
        ]).Stages);

        Assert.Equal(3950, parameters.VerticalOffsetUm.NumberOrNull);
        Assert.Equal(-1, parameters.PinnedVerticalSense);
        Assert.Equal(5, parameters.MapAngleDeg);
        Assert.Equal(80, parameters.BeamFwhmUm.NumberOrNull);
        Assert.Equal(90, parameters.BeamHeightUm.NumberOrNull);
        Assert.Equal(50, parameters.AlongBeamStepUm.NumberOrNull);
        Assert.Equal(3000, parameters.AlongBeamWindowUm.NumberOrNull);
        Assert.Equal([12454.5, 12455.5], parameters.TubeCentresUm!);
        Assert.Equal("pooled", parameters.TubeCentreFit);
    }

    [Theory]
    [InlineData("register.vertical_sense=0.5", "vertical_sense")]
    [InlineData("register.tube_centres_um=12454.5, twelve", "twelve")]
    [InlineData("register.tube_centre_fit=spline", "tube_centre_fit")]
    [InlineData("register.beam_fwhm_um=-3", "beam_fwhm_um")]
    public void Malformed_values_are_refused_naming_the_parameter(string setting, string named)
    {
        using var scan = new ScanFolder();

        var problems = scan.Problems(ScanFolder.CompleteYaml, [setting]);

        Assert.Contains(problems, problem => problem.ToString().Contains(named, StringComparison.Ordinal));
    }
}
