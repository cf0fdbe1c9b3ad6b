namespace TomoSaxs.Geometry;

/// <summary>
/// Per-pixel geometry of a [rows, cols] detector (row = dimension 1, slow) at pixel centres, computed as pyFAI
/// 0.21.3 computes its cached arrays, so integrations built on it bin every pixel exactly like pyFAI. Arrays are
/// flattened row-major (index = row·cols + col), computed on first use and shared read-only; the map is thread-safe.
/// </summary>
/// <remarks>
/// Rules reproduced:
/// <list type="bullet">
/// <item>Centres: pyFAI builds them with <c>numpy.fromfunction(…, dtype=float32)</c>, so the offsets from the PONI
/// are float32: p = f32(f32(pixel)·f32(i + ½)) − f32(poni), then widened to double for the trigonometry
/// (<see cref="CentreOffsets"/>).</item>
/// <item>Solid angle: pyFAI's default correction is the centre formula cos³α with cos α = d/√(d² + p1² + p2²) from
/// the unrotated detector-plane offsets (its <c>calc_cosa</c>), also for tilted detectors; it is relative to the
/// PONI, not absolute.</item>
/// <item>Corners: pixel corners at integer positions in double precision, q and χ stored as float32
/// (<c>calc_rad_azim</c>); Δq = max over the four corners of |q_corner − q_centre| in double; Δχ as in
/// <c>calc_delta_chi</c>: max over corners of min((χc − χ + 2π) mod 2π, (χ − χc + 2π) mod 2π).</item>
/// </list>
/// </remarks>
public sealed class PixelMap
{
    private const double TwoPi = 2.0 * Math.PI;

    private readonly Lazy<CentreArrays> _centres;
    private readonly Lazy<double[]> _solidAngle;
    private readonly Lazy<(double[] DeltaQ, double[] DeltaChi)> _deltas;
    private readonly Lazy<double[]> _chiPipeline;

    private PixelMap(PoniGeometry geometry, int rows, int cols)
    {
        Geometry = geometry;
        Rows = rows;
        Cols = cols;
        _centres = new Lazy<CentreArrays>(ComputeCentres);
        _solidAngle = new Lazy<double[]>(ComputeSolidAngle);
        _deltas = new Lazy<(double[], double[])>(ComputeDeltas);
        _chiPipeline = new Lazy<double[]>(() => _centres.Value.Chi.Select(AzimuthAngles.PipelineFromPyFai).ToArray());
    }

    /// <summary>Creates the map (arrays are computed lazily on first access).</summary>
    /// <param name="geometry">Detector geometry.</param>
    /// <param name="rows">Detector rows (dimension 1).</param>
    /// <param name="cols">Detector columns (dimension 2).</param>
    public static PixelMap Create(PoniGeometry geometry, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        return new PixelMap(geometry, rows, cols);
    }

    /// <summary>The geometry the map was computed for.</summary>
    public PoniGeometry Geometry { get; }

    /// <summary>Number of detector rows (dimension 1).</summary>
    public int Rows { get; }

    /// <summary>Number of detector columns (dimension 2).</summary>
    public int Cols { get; }

    /// <summary>Rows · cols.</summary>
    public int PixelCount => Rows * Cols;

    /// <summary>Scattering angle 2θ at pixel centres, rad.</summary>
    public ReadOnlySpan<double> TwoThetaRad => _centres.Value.TwoTheta;

    /// <summary>Scattering vector modulus q = 4π/λ·sin θ at pixel centres, nm⁻¹.</summary>
    public ReadOnlySpan<double> QNm => _centres.Value.Q;

    /// <summary>pyFAI azimuth χ = atan2(t1, t2) at pixel centres, rad in [−π, π].</summary>
    public ReadOnlySpan<double> ChiPyFaiRad => _centres.Value.Chi;

    /// <summary>Pipeline azimuth χ = (−χ_pyFAI) mod 2π at pixel centres, rad in [0, 2π).</summary>
    public ReadOnlySpan<double> ChiPipelineRad => _chiPipeline.Value;

    /// <summary>pyFAI's default solid-angle correction cos³α (relative to the PONI, 1 at normal incidence).</summary>
    public ReadOnlySpan<double> SolidAngle => _solidAngle.Value;

    /// <summary>Bounding-box half-width in q used by pyFAI's bbox splitting, nm⁻¹.</summary>
    public ReadOnlySpan<double> DeltaQNm => _deltas.Value.DeltaQ;

    /// <summary>Bounding-box half-width in χ used by pyFAI's bbox splitting (wrap-aware), rad.</summary>
    public ReadOnlySpan<double> DeltaChiRad => _deltas.Value.DeltaChi;

    /// <summary>The azimuth at pixel centres in the requested convention, rad.</summary>
    /// <param name="convention">pyFAI ([−π, π]) or pipeline ([0, 2π)).</param>
    public ReadOnlySpan<double> ChiRad(AzimuthConvention convention) =>
        convention == AzimuthConvention.PyFai ? ChiPyFaiRad : ChiPipelineRad;

    /// <summary>
    /// pyFAI's float32 pixel-centre offset from the PONI along one axis, widened to double (m).
    /// </summary>
    /// <param name="index">Pixel index along the axis.</param>
    /// <param name="pixelM">Pixel pitch along the axis, m.</param>
    /// <param name="poniM">PONI coordinate along the axis, m.</param>
    public static double CentreOffset(int index, double pixelM, double poniM)
    {
        // numpy: float32 index + 0.5, times the pixel size cast to float32, minus the PONI cast to float32.
        var position = (float)pixelM * (float)(index + 0.5);
        return (float)(position - (float)poniM);
    }

    private double[] CentreOffsets(int count, double pixelM, double poniM)
    {
        var offsets = new double[count];
        for (var i = 0; i < count; i++)
        {
            offsets[i] = CentreOffset(i, pixelM, poniM);
        }

        return offsets;
    }

    private CentreArrays ComputeCentres()
    {
        var kernel = new PixelGeometryKernel(Geometry);
        var p1 = CentreOffsets(Rows, Geometry.Pixel1M, Geometry.Poni1M);
        var p2 = CentreOffsets(Cols, Geometry.Pixel2M, Geometry.Poni2M);
        var tth = new double[PixelCount];
        var q = new double[PixelCount];
        var chi = new double[PixelCount];
        var cols = Cols;
        Parallel.For(0, Rows, row =>
        {
            var offset1 = p1[row];
            for (var col = 0; col < cols; col++)
            {
                var t1 = kernel.T1(offset1, p2[col]);
                var t2 = kernel.T2(offset1, p2[col]);
                var t3 = kernel.T3(offset1, p2[col]);
                var index = row * cols + col;
                var twoTheta = PixelGeometryKernel.TwoTheta(t1, t2, t3);
                tth[index] = twoTheta;
                q[index] = kernel.Q(twoTheta);
                chi[index] = PixelGeometryKernel.Chi(t1, t2);
            }
        });
        return new CentreArrays(tth, q, chi);
    }

    private double[] ComputeSolidAngle()
    {
        var kernel = new PixelGeometryKernel(Geometry);
        var p1 = CentreOffsets(Rows, Geometry.Pixel1M, Geometry.Poni1M);
        var p2 = CentreOffsets(Cols, Geometry.Pixel2M, Geometry.Poni2M);
        var solidAngle = new double[PixelCount];
        var cols = Cols;
        Parallel.For(0, Rows, row =>
        {
            for (var col = 0; col < cols; col++)
            {
                // pyFAI: cos_incidence ** 3.0 (numpy power, i.e. libm pow).
                solidAngle[row * cols + col] = Math.Pow(kernel.CosIncidence(p1[row], p2[col]), 3.0);
            }
        });
        return solidAngle;
    }

    private (double[] DeltaQ, double[] DeltaChi) ComputeDeltas()
    {
        var corners = CornerGrid.Compute(Geometry, Rows, Cols);
        var centres = _centres.Value;
        var deltaQ = new double[PixelCount];
        var deltaChi = new double[PixelCount];
        var cols = Cols;
        var stride = cols + 1;
        Parallel.For(0, Rows, row =>
        {
            Span<int> cornerIndex = stackalloc int[4];
            for (var col = 0; col < cols; col++)
            {
                var index = row * cols + col;
                cornerIndex[0] = row * stride + col;
                cornerIndex[1] = (row + 1) * stride + col;
                cornerIndex[2] = (row + 1) * stride + col + 1;
                cornerIndex[3] = row * stride + col + 1;
                double q = centres.Q[index], chi = centres.Chi[index];
                double dq = 0.0, dchi = 0.0;
                foreach (var c in cornerIndex)
                {
                    dq = Math.Max(dq, Math.Abs(corners.Q[c] - q));
                    double cornerChi = corners.Chi[c];
                    // calc_delta_chi (C fmod; both arguments are positive here).
                    var forward = (cornerChi - chi + TwoPi) % TwoPi;
                    var backward = (chi - cornerChi + TwoPi) % TwoPi;
                    var d = Math.Min(forward, backward);
                    if (d > dchi)
                    {
                        dchi = d;
                    }
                }

                deltaQ[index] = dq;
                deltaChi[index] = dchi;
            }
        });
        return (deltaQ, deltaChi);
    }

    private sealed record CentreArrays(double[] TwoTheta, double[] Q, double[] Chi);
}
