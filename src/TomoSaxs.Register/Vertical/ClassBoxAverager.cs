namespace TomoSaxs.Register.Vertical;

/// <summary>
/// <see cref="MapBoxAverager"/> for K maps on one grid at once (the grey-class maps): the summed-area tables are
/// interleaved so one footprint's bilinear corner weights serve every class.
/// </summary>
internal sealed class ClassBoxAverager
{
    private readonly double[] table;

    public ClassBoxAverager(double[,,] maps)
    {
        Classes = maps.GetLength(0);
        Rows = maps.GetLength(1);
        Cols = maps.GetLength(2);
        var k = Classes;
        table = new double[(Rows + 1) * (Cols + 1) * k];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Cols; c++)
            {
                for (var m = 0; m < k; m++)
                {
                    table[At(r + 1, c + 1) + m] = maps[m, r, c] + table[At(r, c + 1) + m] + table[At(r + 1, c) + m] - table[At(r, c) + m];
                }
            }
        }
    }

    public int Classes { get; }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>The mean of every map over [r0, r1) × [c0, c1) (pixel units, inside [0, Rows] × [0, Cols]) into <paramref name="means"/>.</summary>
    public void Means(double r0, double r1, double c0, double c1, Span<double> means)
    {
        means.Clear();
        var scale = 1 / ((r1 - r0) * (c1 - c0));
        Accumulate(r1, c1, scale, means);
        Accumulate(r0, c1, -scale, means);
        Accumulate(r1, c0, -scale, means);
        Accumulate(r0, c0, scale, means);
    }

    private int At(int r, int c) => (r * (Cols + 1) + c) * Classes;

    /// <summary>Adds <paramref name="sign"/> × the running integral at (r, c), bilinear inside a pixel.</summary>
    private void Accumulate(double r, double c, double sign, Span<double> into)
    {
        var r0 = Math.Clamp((int)Math.Floor(r), 0, Rows - 1);
        var c0 = Math.Clamp((int)Math.Floor(c), 0, Cols - 1);
        var (fr, fc) = (r - r0, c - c0);
        var (w00, w01, w10, w11) = (sign * (1 - fr) * (1 - fc), sign * (1 - fr) * fc, sign * fr * (1 - fc), sign * fr * fc);
        var (a, b, d, e) = (At(r0, c0), At(r0, c0 + 1), At(r0 + 1, c0), At(r0 + 1, c0 + 1));
        for (var m = 0; m < into.Length; m++)
        {
            into[m] += w00 * table[a + m] + w01 * table[b + m] + w10 * table[d + m] + w11 * table[e + m];
        }
    }
}
