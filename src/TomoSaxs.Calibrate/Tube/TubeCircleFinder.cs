using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Tube;

/// <summary>
/// Fits the Kapton tube's outer circle per CT slab (registration note §5.5, §9, §11.3), replacing the manual
/// polygon segmentation every 50 slices and the Canny + left-most-edge rule: outer edge points along rays
/// (<see cref="TubeEdgeRays"/>), an algebraic Kåsa fit, then a robust geometric fit; rays are cast a second time
/// from the fitted centre so they cross the wall square-on. All slices of a slab share one circle.
/// </summary>
public static class TubeCircleFinder
{
    /// <summary>The circle fitted to every slice of <paramref name="slab"/> (<c>[z, row, col]</c>).</summary>
    /// <param name="slab">The CT slab.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="what">How to name the slab in an error ("slices 100–149").</param>
    /// <exception cref="TubeNotFoundException">Too few rays met an outer edge, or the edges are not a circle.</exception>
    public static TubeCircle FitSlab(float[,,] slab, TubeSearchOptions? options = null, string what = "the slab")
    {
        options ??= new TubeSearchOptions();
        var shape = VolumeShape.Of(slab);
        if (shape.Voxels == 0)
        {
            throw new TubeNotFoundException($"No tube in {what}: the slab is empty.");
        }

        double threshold;
        try
        {
            threshold = AirThreshold.Of(slab);
        }
        catch (ArgumentException problem)
        {
            throw new TubeNotFoundException($"No tube in {what}: {problem.Message}");
        }

        var start = ForegroundCentroid(slab, threshold)
            ?? throw new TubeNotFoundException($"No tube in {what}: nothing is brighter than the air/material threshold {threshold:G4}.");
        var rays = options.Rays * shape.Depth;
        var circle = Fit(slab, start, threshold, options, what, rays);
        // Second pass from the fitted centre: rays meet the wall perpendicularly, so the edge is sharpest.
        return Fit(slab, (circle.CentreRow, circle.CentreCol), threshold, options, what, rays);
    }

    /// <summary>The circle of one slice (<c>[row, col]</c>).</summary>
    public static TubeCircle FitSlice(float[,] slice, TubeSearchOptions? options = null, string what = "the slice")
    {
        var slab = new float[1, slice.GetLength(0), slice.GetLength(1)];
        Buffer.BlockCopy(slice, 0, slab, 0, slice.Length * sizeof(float));
        return FitSlab(slab, options, what);
    }

    /// <summary>
    /// One circle per slab of <paramref name="slabDepth"/> slices of <paramref name="ct"/>. A
    /// <paramref name="pinned"/> circle bypasses the fit: every slab gets it, with the RMS distance of the edge
    /// points found from its centre as the measure of how well the data agree (NaN where none are found).
    /// </summary>
    /// <exception cref="TubeNotFoundException">A slab has no tube (only when not pinned).</exception>
    public static IReadOnlyList<TubeSlab> FitStack(ISlabReader<float> ct, int slabDepth, TubeSearchOptions? options = null, TubeCircle? pinned = null)
    {
        options ??= new TubeSearchOptions();
        ct.Shape.RequireNonEmpty("The CT volume");
        var slabs = new List<TubeSlab>();
        foreach (var range in SlabRange.Cover(ct.Shape.Depth, slabDepth))
        {
            var slab = ct.ReadSlab(range.Start, range.End);
            var what = $"CT slices {range.Start}–{range.End - 1}";
            slabs.Add(new TubeSlab(range.Start, range.End, pinned is null ? FitSlab(slab, options, what) : Agreement(slab, pinned, options)));
        }

        return slabs;
    }

    /// <summary>How well a given circle matches the edges of <paramref name="slab"/>: the circle itself with the
    /// RMS distance (pixels) and the fraction of rays within 3 pixels of it.</summary>
    public static TubeCircle Agreement(float[,,] slab, TubeCircle circle, TubeSearchOptions? options = null)
    {
        options ??= new TubeSearchOptions();
        double threshold;
        try
        {
            threshold = AirThreshold.Of(slab);
        }
        catch (ArgumentException)
        {
            return circle with { RmsPx = double.NaN, InlierFraction = 0, EdgePoints = 0 };
        }

        var found = new List<EdgePoint>();
        for (var z = 0; z < slab.GetLength(0); z++)
        {
            found.AddRange(TubeEdgeRays.Find(slab, z, (circle.CentreRow, circle.CentreCol), threshold, options));
        }

        var points = TubeEdgeRays.OutsideIsAir(found, options.AirTolerance);

        var distances = points.Select(p => Math.Sqrt((p.Row - circle.CentreRow) * (p.Row - circle.CentreRow) + (p.Col - circle.CentreCol) * (p.Col - circle.CentreCol)) - circle.RadiusPx).ToArray();
        var rms = distances.Length > 0 ? Math.Sqrt(distances.Average(d => d * d)) : double.NaN;
        var near = distances.Count(d => Math.Abs(d) <= 3) / (double)(options.Rays * slab.GetLength(0));
        return circle with { RmsPx = rms, InlierFraction = near, EdgePoints = points.Count };
    }

    private static TubeCircle Fit(float[,,] slab, (double Row, double Col) centre, double threshold, TubeSearchOptions options, string what, int rays)
    {
        var found = new List<EdgePoint>();
        for (var z = 0; z < slab.GetLength(0); z++)
        {
            found.AddRange(TubeEdgeRays.Find(slab, z, centre, threshold, options));
        }

        var points = TubeEdgeRays.OutsideIsAir(found, options.AirTolerance);
        if (points.Count < options.MinRayFraction * rays || points.Count < 3)
        {
            throw new TubeNotFoundException(
                $"No tube in {what}: only {points.Count} of {rays} rays met an outer edge (at least {options.MinRayFraction:P0} are needed).");
        }

        var kasa = CircleFit.Kasa(points);
        var (row, col, radius, rms, inliers) = CircleFit.Geometric(points, kasa);
        var inlierFraction = inliers.Count(x => x) / (double)rays;
        if (!(radius >= options.MinRadiusPx) || !double.IsFinite(row) || !double.IsFinite(col))
        {
            throw new TubeNotFoundException($"No tube in {what}: the edges fit a circle of radius {radius:G4} px (at least {options.MinRadiusPx} px expected).");
        }

        if (!(rms <= options.MaxRmsPx) || inlierFraction < options.MinRayFraction)
        {
            throw new TubeNotFoundException(
                $"No tube in {what}: the outer edges do not lie on a circle (RMS {rms:G3} px, allowed {options.MaxRmsPx} px; " +
                $"{inlierFraction:P0} of rays fit, {options.MinRayFraction:P0} needed).");
        }

        return new TubeCircle(row, col, radius, rms, inlierFraction, points.Count, EstimateSource.Automatic);
    }

    private static (double Row, double Col)? ForegroundCentroid(float[,,] slab, double threshold)
    {
        double sumRow = 0, sumCol = 0;
        long count = 0;
        for (var z = 0; z < slab.GetLength(0); z++)
        {
            for (var r = 0; r < slab.GetLength(1); r++)
            {
                for (var c = 0; c < slab.GetLength(2); c++)
                {
                    if (slab[z, r, c] >= threshold)
                    {
                        sumRow += r;
                        sumCol += c;
                        count++;
                    }
                }
            }
        }

        return count == 0 ? null : (sumRow / count, sumCol / count);
    }
}
