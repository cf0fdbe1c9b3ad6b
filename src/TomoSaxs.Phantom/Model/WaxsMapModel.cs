namespace TomoSaxs.Phantom;

/// <summary>
/// The coarse WAXS map at θ = 0 over the whole height of the CT plus a margin: per raster point, the summed WAXS
/// counts gain·I0·t·T·(ρ_air + Σ ρ_m·L_m) of the materials along the beam (vertebrae bright, the disc dark, the tube
/// walls as sharp tangent peaks), Poisson-distributed when noise is on. Rows go downwards (motor y increases).
/// </summary>
internal sealed class WaxsMapModel
{
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
        Sums = new double[rows * spec.Columns];
        var frame = new RotationFrame(0, plan.RotationSign);
        var beam = plan.Spec.Beam;
        var density = spec.Density;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < spec.Columns; c++)
            {
                var paths = plan.Geometry.Paths(frame, LateralUm[c], HeightUm[r]);
                var transmission = ScatteringForms.Transmission(plan.Spec.Scattering.AttenuationPerMm, paths);
                var scattering = density.Air + density.Kapton * paths.Kapton + density.Buffer * paths.Buffer
                                 + density.Tissue * paths.Tissue + density.Bone * paths.Bone;
                var expected = spec.Gain * beam.I0 * beam.CountTimeS * transmission * scattering;
                Sums[r * spec.Columns + c] = plan.Spec.Noise
                    ? PoissonSampler.Sample(new PhantomRandom(plan.Spec.Seed, "waxs", r, c), expected)
                    : Math.Round(expected, MidpointRounding.ToEven);
            }
        }
    }

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
}
