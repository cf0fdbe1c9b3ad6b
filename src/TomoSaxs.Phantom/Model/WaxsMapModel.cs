namespace TomoSaxs.Phantom;

/// <summary>
/// The coarse WAXS map at θ = 0 over the whole height of the CT plus a margin: per raster point, the summed WAXS
/// counts gain·I0·t·T·(ρ_air + Σ ρ_m·L_m) of the materials along the beam (vertebrae bright, the disc dark, the tube
/// walls as sharp tangent peaks), averaged over the beam's round Gaussian profile (<see cref="WaxsSpec.BeamFwhmUm"/>;
/// a row near an endplate records the share of the beam on either side of it), Poisson-distributed when noise is
/// on. Rows go downwards (motor y increases).
/// </summary>
internal sealed class WaxsMapModel
{
    /// <summary>Profile nodes per axis (midpoint rule over ±3σ) and the widest gap between height nodes, µm.</summary>
    private const int LateralNodes = 48;
    private const double MaxHeightNodeGapUm = 2;

    public WaxsMapModel(PhantomPlan plan)
    {
        var spec = plan.Spec.Waxs;
        var low = plan.Ct.Low;
        var top = low.TopHeight + spec.MarginUm;
        var bottom = low.TopHeight - low.Slices * low.VoxelUm - spec.MarginUm;
        var rows = (int)Math.Floor((top - bottom) / spec.StepYUm) + 1;
        HeightUm = [.. Enumerable.Range(0, rows).Select(r => top - r * spec.StepYUm)];
        LateralUm = [.. Enumerable.Range(0, spec.Columns).Select(c => (c - (spec.Columns - 1) / 2.0) * spec.StepXUm)];
        MotorXMm = [.. LateralUm.Select(plan.Raster.MotorXOfLateral)];
        MotorYMm = [.. HeightUm.Select(plan.Raster.MotorYOfHeight)];
        BeamFwhmUm = spec.BeamFwhmUm ?? plan.Raster.FwhmUm;
        Sums = new double[rows * spec.Columns];
        var frame = new RotationFrame(0, plan.RotationSign);
        var beam = plan.Spec.Beam;
        var density = spec.Density;
        double Pencil(double lateral, double height)
        {
            var paths = plan.Geometry.Paths(frame, lateral, height);
            var transmission = ScatteringForms.Transmission(plan.Spec.Scattering.AttenuationPerMm, paths);
            var scattering = density.Air + density.Kapton * paths.Kapton + density.Buffer * paths.Buffer
                             + density.Tissue * paths.Tissue + density.Bone * paths.Bone;
            return spec.Gain * beam.I0 * beam.CountTimeS * transmission * scattering;
        }

        var sigma = BeamFwhmUm / (2 * Math.Sqrt(2 * Math.Log(2)));
        var lateralNodes = sigma > 0 ? GaussianNodes(sigma, [], LateralNodes) : [(0.0, 1.0)];
        Parallel.For(0, rows, r =>
        {
            // Height nodes split at the endplates and vertebra faces, so a row across one gets its exact share.
            var heightNodes = sigma > 0
                ? GaussianNodes(sigma, [.. plan.Geometry.LayerBreaks.Select(b => b - HeightUm[r])], (int)Math.Ceiling(6 * sigma / MaxHeightNodeGapUm))
                : [(0.0, 1.0)];
            for (var c = 0; c < spec.Columns; c++)
            {
                var expected = 0.0;
                foreach (var (dh, wh) in heightNodes)
                {
                    foreach (var (dx, wx) in lateralNodes)
                    {
                        expected += wh * wx * Pencil(LateralUm[c] + dx, HeightUm[r] + dh);
                    }
                }

                Sums[r * spec.Columns + c] = plan.Spec.Noise
                    ? PoissonSampler.Sample(new PhantomRandom(plan.Spec.Seed, "waxs", r, c), expected)
                    : Math.Round(expected, MidpointRounding.ToEven);
            }
        });
    }

    /// <summary>The WAXS beam's FWHM used, µm (0 = pencil).</summary>
    public double BeamFwhmUm { get; }

    /// <summary>Height of each row, µm (downwards).</summary>
    public double[] HeightUm { get; }

    /// <summary>Lateral position of each column relative to the rotation axis, µm.</summary>
    public double[] LateralUm { get; }

    public double[] MotorXMm { get; }

    public double[] MotorYMm { get; }

    /// <summary>WAXS counts per point, [rows, columns] row-major.</summary>
    public double[] Sums { get; }

    public int Rows => HeightUm.Length;

    public int Columns => LateralUm.Length;

    /// <summary>
    /// Midpoint-rule nodes (offset, weight) of a normalised Gaussian of standard deviation <paramref name="sigma"/>
    /// over ±3σ: the range is cut at every offset of <paramref name="breaks"/> inside it, each piece gets nodes in
    /// proportion to its length (at least one), and each node's weight is the Gaussian's integral over its cell, the
    /// weights then scaled to sum to 1.
    /// </summary>
    internal static (double Offset, double Weight)[] GaussianNodes(double sigma, IReadOnlyList<double> breaks, int nodes)
    {
        var edges = new List<double> { -3 * sigma };
        edges.AddRange(breaks.Where(b => b > -3 * sigma && b < 3 * sigma).Order());
        edges.Add(3 * sigma);
        var result = new List<(double, double)>();
        for (var p = 0; p + 1 < edges.Count; p++)
        {
            var (a, b) = (edges[p], edges[p + 1]);
            var count = Math.Max(1, (int)Math.Round(nodes * (b - a) / (6 * sigma)));
            for (var i = 0; i < count; i++)
            {
                var (lo, hi) = (a + i * (b - a) / count, a + (i + 1) * (b - a) / count);
                result.Add((0.5 * (lo + hi), Cdf(hi / sigma) - Cdf(lo / sigma)));
            }
        }

        var total = result.Sum(n => n.Item2);
        return [.. result.Select(n => (n.Item1, n.Item2 / total))];
    }

    private static double Cdf(double z) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2));
}
