namespace TomoSaxs.Geometry;

/// <summary>
/// q and χ at the (rows + 1) × (cols + 1) pixel corners, as pyFAI 0.21.3's <c>calc_rad_azim</c> produces them for
/// <c>corner_array</c>: positions in double (pixel·index − poni), results stored as float32.
/// </summary>
internal sealed class CornerGrid
{
    private CornerGrid(float[] q, float[] chi)
    {
        Q = q;
        Chi = chi;
    }

    /// <summary>q at corners, nm⁻¹, flattened row-major with stride cols + 1.</summary>
    public float[] Q { get; }

    /// <summary>pyFAI χ at corners, rad, flattened row-major with stride cols + 1.</summary>
    public float[] Chi { get; }

    public static CornerGrid Compute(PoniGeometry geometry, int rows, int cols)
    {
        var kernel = new PixelGeometryKernel(geometry);
        double pixel1 = geometry.Pixel1M, pixel2 = geometry.Pixel2M, poni1 = geometry.Poni1M, poni2 = geometry.Poni2M;
        var stride = cols + 1;
        var q = new float[(rows + 1) * stride];
        var chi = new float[(rows + 1) * stride];
        Parallel.For(0, rows + 1, row =>
        {
            var p1 = pixel1 * row - poni1;
            for (var col = 0; col <= cols; col++)
            {
                var p2 = pixel2 * col - poni2;
                var t1 = kernel.T1(p1, p2);
                var t2 = kernel.T2(p1, p2);
                var t3 = kernel.T3(p1, p2);
                q[row * stride + col] = (float)kernel.Q(PixelGeometryKernel.TwoTheta(t1, t2, t3));
                chi[row * stride + col] = (float)PixelGeometryKernel.Chi(t1, t2);
            }
        });
        return new CornerGrid(q, chi);
    }
}
