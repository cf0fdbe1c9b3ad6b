namespace TomoSaxs.Phantom;

/// <summary>Which line scan: the empty tube (background) or the buffer-filled tube.</summary>
internal enum LineScanKind
{
    Background,
    Buffer,
}

/// <summary>
/// A background or buffer line scan across its own tube (same diameter and wall as the sample's) on a grid shifted
/// and spaced differently from the raster's, with its per-position path lengths and flux.
/// </summary>
internal sealed class LineScanLayout
{
    public LineScanLayout(LineScanKind kind, LineScanSpec spec, RasterLayout raster, SampleGeometry geometry, ScatteringSpec scattering, BeamSpec beam, int seed)
    {
        Kind = kind;
        StepUm = spec.StepRatio * raster.Spec.StepUm;
        TubeCentreUm = spec.TubeOffsetUm;
        var first = raster.LateralUm[0] + spec.ShiftSteps * raster.Spec.StepUm + spec.TubeOffsetUm;
        var count = (int)Math.Ceiling((raster.LateralUm[^1] - raster.LateralUm[0]) / StepUm) + 1;
        count = Math.Min(count, spec.Frames ?? count);
        LateralUm = [.. Enumerable.Range(0, count).Select(k => first + k * StepUm)];
        MotorXMm = [.. LateralUm.Select(raster.MotorXOfLateral)];
        Kapton = new double[count];
        Buffer = new double[count];
        Transmission = new double[count];
        IncidentFlux = new double[count];
        var purpose = kind == LineScanKind.Background ? "background-flux" : "buffer-flux";
        for (var k = 0; k < count; k++)
        {
            var offset = LateralUm[k] - TubeCentreUm;
            var inner = SampleGeometry.CircleChord(geometry.InnerRadius, offset);
            if (geometry.CuboidInSaxs)
            {
                var (kapton, liquid) = geometry.CuboidPaths(offset);
                (Kapton[k], Buffer[k]) = (kapton, kind == LineScanKind.Buffer ? liquid : 0);
            }
            else
            {
                Kapton[k] = geometry.TubeAbsentFromSaxs ? 0 : SampleGeometry.CircleChord(geometry.OuterRadius, offset) - inner;
                Buffer[k] = kind == LineScanKind.Buffer && !geometry.TubeAbsentFromSaxs ? inner : 0;
            }
            Transmission[k] = ScatteringForms.Transmission(scattering.AttenuationPerMm, new PathLengths(Kapton[k], Buffer[k], 0, 0));
            IncidentFlux[k] = beam.I0 * (1 + beam.I0Jitter * new PhantomRandom(seed, purpose, k).NextGaussian());
        }
    }

    public LineScanKind Kind { get; }

    /// <summary>Step between positions, µm.</summary>
    public double StepUm { get; }

    /// <summary>Lateral position of this scan's tube axis relative to the raster's rotation axis, µm.</summary>
    public double TubeCentreUm { get; }

    /// <summary>Lateral position of each frame relative to the raster's rotation axis, µm.</summary>
    public double[] LateralUm { get; }

    /// <summary>Motor x of each frame, mm.</summary>
    public double[] MotorXMm { get; }

    public double[] Kapton { get; }

    public double[] Buffer { get; }

    public double[] Transmission { get; }

    public double[] IncidentFlux { get; }

    public int Positions => LateralUm.Length;
}
