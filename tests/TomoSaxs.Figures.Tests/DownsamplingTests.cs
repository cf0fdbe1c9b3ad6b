namespace TomoSaxs.Figures.Tests;

public sealed class DownsamplingTests
{
    [Fact]
    public void Block_means_keep_small_maps_and_average_large_ones_ignoring_nan()
    {
        var small = new float[3, 4];
        small[1, 2] = 5;
        var (same, factor1) = Downsampling.BlockMean(small, maxSide: 10);
        Assert.Equal(1, factor1);
        Assert.Equal(5.0, same[1, 2]);

        var map = new double[5, 4];
        for (var r = 0; r < 5; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                map[r, c] = r * 4 + c;
            }
        }

        map[0, 1] = double.NaN;
        var (mean, factor) = Downsampling.BlockMean(map, maxSide: 2);
        Assert.Equal(3, factor);
        Assert.Equal((2, 2), (mean.GetLength(0), mean.GetLength(1)));
        Assert.Equal((0 + 2 + 4 + 5 + 6 + 8 + 9 + 10) / 8.0, mean[0, 0], 12);
        Assert.Equal((15 + 19) / 2.0, mean[1, 1], 12);
    }

    [Fact]
    public void Even_indices_are_deterministic_evenly_spread_and_capped()
    {
        Assert.Equal([0, 1, 2], Downsampling.EvenIndices(3, 10));
        var picked = Downsampling.EvenIndices(1_000_000, 1000);
        Assert.Equal(1000, picked.Length);
        Assert.Equal(picked, Downsampling.EvenIndices(1_000_000, 1000));
        Assert.All(picked.Zip(picked.Skip(1)), pair => Assert.Equal(1000, pair.Second - pair.First));
    }

    [Fact]
    public void The_grey_range_ignores_outliers_but_not_sparse_features()
    {
        var map = new double[100, 100];
        for (var i = 0; i < 100; i++)
        {
            for (var j = 0; j < 100; j++)
            {
                map[i, j] = j;
            }
        }

        map[0, 0] = 1e9;
        Assert.Equal((0.0, 99.0), Downsampling.DisplayRange(map));

        var sparse = new double[100, 100];
        sparse[5, 5] = 2;
        Assert.Equal((0.0, 2.0), Downsampling.DisplayRange(sparse));
        Assert.Equal((2.5, 3.5), Downsampling.DisplayRange(new double[,] { { 3, 3 } }));
        Assert.Null(Downsampling.DisplayRange(new double[,] { { double.NaN } }));
    }
}
