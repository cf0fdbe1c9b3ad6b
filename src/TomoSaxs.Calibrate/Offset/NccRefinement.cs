namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// Refines a coarse integer offset of a template in a reference: climbs the zero-mean NCC over the 26
/// neighbouring integer offsets until none is better, then places the peak to sub-voxel precision with
/// <see cref="QuadraticPeak"/>.
/// </summary>
public static class NccRefinement
{
    /// <summary>The refined offset (template voxel t ≈ reference voxel t + offset) and the NCC at its integer peak.</summary>
    /// <param name="reference">The reference volume.</param>
    /// <param name="template">The template at the same voxel size.</param>
    /// <param name="start">The coarse offset to start from (rounded to integers).</param>
    /// <param name="maxSteps">The most hill-climbing moves allowed; each move is one voxel on each axis at most.</param>
    /// <exception cref="InvalidOperationException">No overlap with a defined NCC exists around the start.</exception>
    public static (Offset3 Offset, double Ncc, (int Z, int Y, int X) IntegerPeak) Refine(
        float[,,] reference, float[,,] template, Offset3 start, int maxSteps = 16)
    {
        var cache = new Dictionary<(int, int, int), double>();
        double Score((int Z, int Y, int X) d)
        {
            if (!cache.TryGetValue(d, out var s))
            {
                s = ZeroMeanNcc.Score(reference, template, d.Z, d.Y, d.X);
                cache[d] = s;
            }

            return s;
        }

        var at = start.Rounded();
        if (double.IsNaN(Score(at)))
        {
            throw new InvalidOperationException(
                $"No correlation is defined at the offset {start}: the template overlaps the reference by less than half, or one of them is constant there.");
        }

        for (var step = 0; step < maxSteps; step++)
        {
            var best = at;
            for (var z = -1; z <= 1; z++)
            {
                for (var y = -1; y <= 1; y++)
                {
                    for (var x = -1; x <= 1; x++)
                    {
                        var candidate = (at.Z + z, at.Y + y, at.X + x);
                        var s = Score(candidate);
                        if (s > Score(best))
                        {
                            best = candidate;
                        }
                    }
                }
            }

            if (best == at)
            {
                break;
            }

            at = best;
        }

        var grid = new double[3, 3, 3];
        var complete = true;
        for (var z = -1; z <= 1; z++)
        {
            for (var y = -1; y <= 1; y++)
            {
                for (var x = -1; x <= 1; x++)
                {
                    grid[z + 1, y + 1, x + 1] = Score((at.Z + z, at.Y + y, at.X + x));
                    complete &= double.IsFinite(grid[z + 1, y + 1, x + 1]);
                }
            }
        }

        // At the edge of the overlap the neighbourhood is incomplete; the integer peak is then the best we have.
        var sub = complete ? QuadraticPeak.Refine(grid) : new Offset3(0, 0, 0);
        return (new Offset3(at.Z + sub.Z, at.Y + sub.Y, at.X + sub.X), Score(at), at);
    }
}
