namespace TomoSaxs.Phantom;

/// <summary>
/// The tomoSAXS raster in the sample frame and in motor coordinates: beam positions u (lateral lab distance from
/// the rotation axis, the same at every angle) and slice heights h (from the top down). Motor x = axis + u;
/// motor y grows downwards: y = y₀ + (h₀ − h), in mm. The grid covers the tube plus a margin of air at every angle.
/// </summary>
internal sealed class RasterLayout
{
    public RasterLayout(RasterSpec spec, double beamFwhmUm, double lateralReachUm)
    {
        Spec = spec;
        FwhmUm = beamFwhmUm;
        var first = (-Math.Ceiling(lateralReachUm / spec.StepUm) - 1 + spec.PhaseSteps) * spec.StepUm;
        var count = (int)Math.Ceiling((lateralReachUm - first) / spec.StepUm) + 1;
        LateralUm = [.. Enumerable.Range(0, count).Select(i => first + i * spec.StepUm)];
        HeightUm = [.. Enumerable.Range(0, spec.Slices).Select(j => spec.FirstSliceHeightUm - j * spec.SliceStepUm)];
    }

    public RasterSpec Spec { get; }

    /// <summary>Number of slices (raster rows).</summary>
    public int Slices => HeightUm.Length;

    /// <summary>Number of beam positions per slice.</summary>
    public int Positions => LateralUm.Length;

    /// <summary>Beam FWHM, µm.</summary>
    public double FwhmUm { get; }

    /// <summary>Gaussian σ of the beam profile, FWHM/2.3548, µm.</summary>
    public double SigmaUm => FwhmUm / (2 * Math.Sqrt(2 * Math.Log(2)));

    /// <summary>Lateral lab position u of each beam position relative to the rotation axis, µm.</summary>
    public double[] LateralUm { get; }

    /// <summary>Height of each slice's beam centre above the lower endplate, µm.</summary>
    public double[] HeightUm { get; }

    /// <summary>Motor x (base_x_value) of each position, mm.</summary>
    public double[] MotorXMm => [.. LateralUm.Select(MotorXOfLateral)];

    /// <summary>Motor y (base_y_value) of each slice, mm.</summary>
    public double[] MotorYMm => [.. HeightUm.Select(MotorYOfHeight)];

    /// <summary>The slab of slice <paramref name="slice"/>: heights within half a slice step of its centre, µm.</summary>
    public (double Low, double High) Slab(int slice) =>
        (HeightUm[slice] - Spec.SliceStepUm / 2, HeightUm[slice] + Spec.SliceStepUm / 2);

    /// <summary>The motor x of lateral position <paramref name="u"/> (µm), mm.</summary>
    public double MotorXOfLateral(double u) => Spec.AxisXMm + u / 1000.0;

    /// <summary>The motor y at which the beam is at height <paramref name="h"/> (µm), mm.</summary>
    public double MotorYOfHeight(double h) => Spec.FirstSliceYMm + (Spec.FirstSliceHeightUm - h) / 1000.0;
}
