namespace TomoSaxs.Pipeline.Tests;

public sealed class OverrideListTests
{
    [Fact]
    public void The_set_property_splits_at_the_separator_in_command_line_order()
    {
        Assert.Equal(["integrate.chi_bins=360", "register.vertical_offset_um=auto", "integrate.chi_bins=90"],
            OverrideList.Parse("integrate.chi_bins=360|register.vertical_offset_um=auto|integrate.chi_bins=90"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_property_means_no_overrides(string? joined) => Assert.Empty(OverrideList.Parse(joined));

    [Fact]
    public void Empty_pieces_are_dropped_and_others_are_passed_on_untouched_for_the_loader_to_judge()
    {
        // build.sh has already decoded %3B and %2C, so ';' and ',' reach the parser as text.
        Assert.Equal(["a.b=1;2", "nonsense", " c.d = x,y "], OverrideList.Parse("a.b=1;2||nonsense| c.d = x,y |"));
    }

    [Fact]
    public void Join_is_the_inverse_of_parse_and_refuses_a_value_holding_the_separator()
    {
        string[] overrides = ["integrate.q0_nm=0.3", "register.vertical_offset_um=-12.5"];
        Assert.Equal(overrides, OverrideList.Parse(OverrideList.Join(overrides)));
        Assert.Throws<ArgumentException>(() => OverrideList.Join(["a.b=x|y"]));
    }
}
