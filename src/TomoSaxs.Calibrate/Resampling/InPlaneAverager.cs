namespace TomoSaxs.Calibrate.Resampling;

/// <summary>
/// The in-plane (row, col) part of area averaging: one input slice to one output plane, first along columns,
/// then along rows, reusing two work images so a whole volume allocates them once.
/// </summary>
internal sealed class InPlaneAverager
{
    private readonly AxisFootprint rows;
    private readonly AxisFootprint cols;
    private readonly double[] alongCols;
    private readonly double[] averaged;
    private readonly bool[] covered;

    public InPlaneAverager(AxisFootprint rows, AxisFootprint cols)
    {
        this.rows = rows;
        this.cols = cols;
        alongCols = new double[rows.InputCount * cols.OutputCount];
        averaged = new double[rows.OutputCount * cols.OutputCount];
        covered = new bool[averaged.Length];
        for (var r = 0; r < rows.OutputCount; r++)
        {
            for (var c = 0; c < cols.OutputCount; c++)
            {
                covered[r * cols.OutputCount + c] = rows.Weights(r).Length > 0 && cols.Weights(c).Length > 0;
            }
        }
    }

    /// <summary>Whether output pixel p has any input under it.</summary>
    public bool IsCovered(int p) => covered[p];

    /// <summary>The area-averaged plane of slice <paramref name="z"/> of <paramref name="slab"/>; the returned
    /// array is reused by the next call.</summary>
    public double[] Average(float[,,] slab, int z)
    {
        var outCols = cols.OutputCount;
        var (rowFirst, rowEnd) = rows.UsedInputs();
        // Rows are independent; each thread writes only its own rows, so the result does not depend on threading.
        Parallel.For(rowFirst, rowEnd, r =>
        {
            for (var c = 0; c < outCols; c++)
            {
                var weights = cols.Weights(c);
                var first = cols.FirstInput(c);
                var sum = 0.0;
                for (var k = 0; k < weights.Length; k++)
                {
                    sum += weights[k] * slab[z, r, first + k];
                }

                alongCols[r * outCols + c] = sum;
            }
        });

        Parallel.For(0, rows.OutputCount, r =>
        {
            var weights = rows.Weights(r);
            var first = rows.FirstInput(r);
            var target = averaged.AsSpan(r * outCols, outCols);
            target.Clear();
            for (var k = 0; k < weights.Length; k++)
            {
                var source = alongCols.AsSpan((first + k) * outCols, outCols);
                var w = weights[k];
                for (var c = 0; c < outCols; c++)
                {
                    target[c] += w * source[c];
                }
            }
        });

        return averaged;
    }
}
