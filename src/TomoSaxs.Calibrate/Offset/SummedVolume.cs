namespace TomoSaxs.Calibrate.Offset;

/// <summary>A 3-D summed-volume table (integral image) of a volume or of its squares, for box sums in O(1).</summary>
internal sealed class SummedVolume
{
    private readonly double[,,] table;

    public SummedVolume(float[,,] volume, bool squared)
    {
        var (d, h, w) = (volume.GetLength(0), volume.GetLength(1), volume.GetLength(2));
        table = new double[d + 1, h + 1, w + 1];
        for (var z = 0; z < d; z++)
        {
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    double v = volume[z, y, x];
                    table[z + 1, y + 1, x + 1] = (squared ? v * v : v)
                        + table[z, y + 1, x + 1] + table[z + 1, y, x + 1] + table[z + 1, y + 1, x]
                        - table[z, y, x + 1] - table[z, y + 1, x] - table[z + 1, y, x]
                        + table[z, y, x];
                }
            }
        }
    }

    /// <summary>The sum over the box starting at (z, y, x) of size (d, h, w).</summary>
    public double Box(int z, int y, int x, int d, int h, int w)
    {
        var (z1, y1, x1) = (z + d, y + h, x + w);
        return table[z1, y1, x1] - table[z, y1, x1] - table[z1, y, x1] - table[z1, y1, x]
            + table[z, y, x1] + table[z, y1, x] + table[z1, y, x] - table[z, y, x];
    }
}
