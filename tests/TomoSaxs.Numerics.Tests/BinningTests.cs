namespace TomoSaxs.Numerics.Tests;

public sealed class BinningTests
{
    [Fact]
    public void MeansOfGroupsOfFourDropTheRemainder()
    {
        double[] values = [1, 2, 3, 4, 10, 20, 30, 40, 7, 7];
        Assert.Equal([2.5, 25.0], Binning.MeanOfGroups(values, 4));
        Assert.Equal(2, Binning.GroupCount(values.Length, 4));
    }

    [Fact]
    public void FewerValuesThanOneGroupGiveNothing()
    {
        Assert.Empty(Binning.MeanOfGroups([1.0, 2.0, 3.0], 4));
    }

    [Fact]
    public void GroupsOfOneReturnTheInput()
    {
        double[] values = [1.5, -2, 3];
        Assert.Equal(values, Binning.MeanOfGroups(values, 1));
    }

    [Fact]
    public void A180BinProfileBinsTo45()
    {
        var values = Enumerable.Range(0, 180).Select(i => (double)i).ToArray();
        var binned = Binning.MeanOfGroups(values, 4);
        Assert.Equal(45, binned.Length);
        Assert.Equal(1.5, binned[0]);
        Assert.Equal(177.5, binned[44]);
    }

    [Fact]
    public void InvalidGroupSizeAndOutputAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Binning.MeanOfGroups([1.0], 0));
        Assert.Throws<ArgumentException>(() => Binning.MeanOfGroups([1.0, 2, 3, 4, 5], 2, new double[3]));
    }
}
