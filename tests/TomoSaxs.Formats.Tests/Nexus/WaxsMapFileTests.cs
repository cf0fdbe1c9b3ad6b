using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Nexus;

/// <summary>The WAXS map reader: totals, motor grids in mm or µm, the 1-D axes as fallback, and clear errors.</summary>
public sealed class WaxsMapFileTests
{
    private static readonly double[] X = [10.15, 10.25, 10.35];
    private static readonly double[] Y = [3.55, 3.60];

    [Fact]
    public void Totals_and_motor_grids_are_read_in_micrometres()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("waxs.nxs");
        Write(path, grids: true, unit: "mm");

        var map = WaxsMapFile.Read(path);

        Assert.Equal(2, map.Rows);
        Assert.Equal(3, map.Columns);
        Assert.Equal(10.0, map.Sums[1, 2]);
        Assert.Equal(6.0, map.Sums[1, 0]);
        Assert.Equal(0.0, map.Sums[0, 0]);
        Assert.Equal(X.Select(v => v * 1000), map.XUm, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(Y.Select(v => v * 1000), map.YUm, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Units_attribute_is_honoured_and_the_1d_axes_are_the_fallback()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("waxs.nxs");
        Write(path, grids: false, unit: "um");

        var map = WaxsMapFile.Read(path);

        Assert.Equal(X, map.XUm, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(Y, map.YUm, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void A_grid_that_is_not_a_raster_is_refused_naming_the_dataset()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("waxs.nxs");
        Write(path, grids: true, unit: "mm", skewX: true);

        var error = Assert.Throws<DataFileException>(() => WaxsMapFile.Read(path));

        Assert.Contains("base_x_value", error.Message);
        Assert.Contains("not a raster grid", error.Message);
    }

    [Fact]
    public void A_file_without_WAXS_totals_is_refused()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("saxs.nxs");
        var root = new ArtefactGroup();
        root.Group("entry1").Group("SAXS_sum").AddDataset("sum", new double[6], [2, 3]);
        Hdf5ArtefactWriter.Write(path, root);

        var error = Assert.Throws<DataFileException>(() => WaxsMapFile.Read(path));

        Assert.Contains("/entry1/WAXS_sum/sum", error.Message);
        Assert.Contains("saxs.nxs", error.Message);
    }

    private static void Write(string path, bool grids, string unit, bool skewX = false)
    {
        var root = new ArtefactGroup();
        var sum = root.Group("entry1").Group("WAXS_sum");
        sum.AddDataset("sum", Enumerable.Range(0, 6).Select(i => 2.0 * i).ToArray(), [2, 3, 1, 1]);
        if (grids)
        {
            var x = new double[6];
            var y = new double[6];
            for (var r = 0; r < 2; r++)
            {
                for (var c = 0; c < 3; c++)
                {
                    x[r * 3 + c] = X[c] + (skewX && r == 1 ? 0.01 : 0);
                    y[r * 3 + c] = Y[r];
                }
            }

            sum.AddDataset("base_x_value", x, [2, 3]).Attributes.Set("units", unit);
            sum.AddDataset("base_y_value", y, [2, 3]).Attributes.Set("units", unit);
        }
        else
        {
            sum.AddDataset("base_x_value_set", X).Attributes.Set("units", unit);
            sum.AddDataset("base_y_value_set", Y).Attributes.Set("units", unit);
        }

        Hdf5ArtefactWriter.Write(path, root);
    }
}
