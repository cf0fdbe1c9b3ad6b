namespace TomoSaxs.Phantom;

/// <summary>
/// Fills the <see cref="BeamPathTable"/> of a plan: per (angle, slice, position) the path lengths through the
/// tube, buffer and disc at the beam's centre line, the transmission, the jittered incident flux, and the fibres
/// whose Gaussian-weighted volume in the beam reaches <see cref="FibreSpec.MinBeamWeight"/>. Angles are independent
/// and run in parallel; each writes only its own entries, so the table does not depend on the thread count.
/// </summary>
internal static class BeamPathBuilder
{
    // Beyond 8σ the Gaussian profile is below 1.3e-14 of its peak.
    private const double ReachInSigmas = 8.0;

    public static BeamPathTable Build(PhantomPlan plan)
    {
        var raster = plan.Raster;
        var spec = plan.Spec;
        var table = new BeamPathTable(plan.AnglesDeg.Count, raster.Slices, raster.Positions);
        var lines = plan.Fibres.Select(BeamWeights.Lines).ToArray();
        var heights = plan.Fibres.Select(fibre => fibre.HeightRange).ToArray();
        var sigma = raster.SigmaUm;
        var voxel = plan.Ct.Fibre.VoxelUm;
        var first = raster.LateralUm[0];
        var step = raster.Spec.StepUm;
        Parallel.For(0, table.Angles, angle =>
        {
            var frame = plan.Frames[angle];
            var crossings = new List<Crossing>[raster.Slices * raster.Positions];
            for (var k = 0; k < crossings.Length; k++)
            {
                crossings[k] = [];
            }

            for (var number = 0; number < lines.Length; number++)
            {
                var (min, max) = BeamWeights.LateralRange(plan.Fibres[number], frame);
                var firstPosition = Math.Max(0, (int)Math.Ceiling((min - ReachInSigmas * sigma - first) / step));
                var lastPosition = Math.Min(raster.Positions - 1, (int)Math.Floor((max + ReachInSigmas * sigma - first) / step));
                for (var slice = 0; slice < raster.Slices; slice++)
                {
                    var (low, high) = raster.Slab(slice);
                    if (heights[number].High <= low || heights[number].Low >= high)
                    {
                        continue;
                    }

                    for (var position = firstPosition; position <= lastPosition; position++)
                    {
                        var weight = BeamWeights.Weight(lines[number], frame, raster.LateralUm[position], low, high, sigma, voxel);
                        if (weight >= spec.Fibres.MinBeamWeight && weight > 0)
                        {
                            crossings[slice * raster.Positions + position].Add(new Crossing(number, weight));
                        }
                    }
                }
            }

            for (var slice = 0; slice < raster.Slices; slice++)
            {
                var h = raster.HeightUm[slice];
                for (var position = 0; position < raster.Positions; position++)
                {
                    var index = table.Index(angle, slice, position);
                    var u = raster.LateralUm[position];
                    var paths = plan.Geometry.Paths(frame, u, h);
                    table.Crossings[index] = [.. crossings[slice * raster.Positions + position]];
                    table.Kapton[index] = paths.Kapton;
                    table.Buffer[index] = paths.Buffer;
                    table.Tissue[index] = paths.Tissue;
                    table.Transmission[index] = ScatteringForms.Transmission(spec.Scattering.AttenuationPerMm, paths);
                    table.OffsetFromTube[index] = plan.Geometry.OffsetFromTube(frame, u, h);
                    var jitter = new PhantomRandom(spec.Seed, "frame-flux", angle, slice, position).NextGaussian();
                    table.IncidentFlux[index] = spec.Beam.I0 * (1 + spec.Beam.I0Jitter * jitter);
                }
            }
        });
        return table;
    }
}
