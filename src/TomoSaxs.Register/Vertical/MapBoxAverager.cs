namespace TomoSaxs.Register.Vertical;

/// <summary>
/// Exact box averages of a 2-D map over rectangles with fractional bounds: the map is taken as constant over
/// each pixel (pixel [r, c] spans [r, r + 1) × [c, c + 1)), so its running integral is bilinear inside each
/// pixel and bilinear interpolation of the summed-area table gives the exact integral. This is how the CT map
/// is averaged over each WAXS beam footprint at any offset.
/// </summary>
internal sealed class MapBoxAverager
{
    private readonly double[,] table;

    public MapBoxAverager(double[,] map)
    {
        Rows = map.GetLength(0);
        Cols = map.GetLength(1);
        table = new double[Rows + 1, Cols + 1];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Cols; c++)
            {
                table[r + 1, c + 1] = map[r, c] + table[r, c + 1] + table[r + 1, c] - table[r, c];
            }
        }
    }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>The mean over [r0, r1) × [c0, c1) (pixel units, inside [0, Rows] × [0, Cols]).</summary>
    public double Mean(double r0, double r1, double c0, double c1) =>
        (Integral(r1, c1) - Integral(r0, c1) - Integral(r1, c0) + Integral(r0, c0)) / ((r1 - r0) * (c1 - c0));

    private double Integral(double r, double c)
    {
        var r0 = Math.Clamp((int)Math.Floor(r), 0, Rows - 1);
        var c0 = Math.Clamp((int)Math.Floor(c), 0, Cols - 1);
        var (fr, fc) = (r - r0, c - c0);
        return (1 - fr) * ((1 - fc) * table[r0, c0] + fc * table[r0, c0 + 1]) + fr * ((1 - fc) * table[r0 + 1, c0] + fc * table[r0 + 1, c0 + 1]);
    }
}
