namespace TomoSaxs.Pipeline.Tests;

public sealed class SliceSelectionTests
{
    [Fact]
    public void A_list_of_slices_and_ranges_is_sorted_and_each_slice_kept_once()
    {
        var selection = SliceSelection.TryParse("7,0-3,2-4, 3", 10, out var problem);

        Assert.Null(problem);
        Assert.Equal([0, 1, 2, 3, 4, 7], selection!.Slices);
        Assert.False(selection.IsAll);
        Assert.Equal("0-4,7", selection.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void No_list_selects_every_slice(string? text)
    {
        var selection = SliceSelection.TryParse(text, 5, out _);

        Assert.Equal([0, 1, 2, 3, 4], selection!.Slices);
        Assert.True(selection.IsAll);
    }

    [Theory]
    [InlineData("0-3,8", "slice 8 is out of range: the scan has 8 slices (0–7).")]
    [InlineData("9-12", "slice 9 is out of range: the scan has 8 slices (0–7).")]
    [InlineData("5-2", "the range 5-2 runs backwards; write it as 2-5.")]
    [InlineData("1,x", "'x' in '1,x' is not a slice or a range; expected a list such as 0-3,7.")]
    [InlineData("-1", "'-1' in '-1' is not a slice or a range; expected a list such as 0-3,7.")]
    [InlineData("1,,2", "'' in '1,,2' is not a slice or a range; expected a list such as 0-3,7.")]
    public void A_bad_list_is_refused_with_what_was_expected(string text, string expected)
    {
        Assert.Null(SliceSelection.TryParse(text, 8, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void A_single_slice_scan_names_its_only_slice()
    {
        Assert.Null(SliceSelection.TryParse("1", 1, out var problem));
        Assert.Equal("slice 1 is out of range: the scan has 1 slice (0).", problem);
    }

    [Fact]
    public void Compact_form_joins_runs()
    {
        Assert.Equal("0-2,5,7-8", SliceSelection.Compact([0, 1, 2, 5, 7, 8]));
        Assert.Equal("", SliceSelection.Compact([]));
    }
}
