using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Tube;

namespace TomoSaxs.Register.Horizontal;

/// <summary>
/// Finds both Kapton walls in a SAXS frame-sum profile (registration note §11.4, replacing the reference's
/// "first frame above 10 × |first frame|" rule and its one-sided fallback): the outermost peaks from each side
/// that rise above the median by a fraction of the range, each refined to sub-frame precision by the parabola
/// through the peak frame and its neighbours. A wall peak is where the beam-averaged Kapton chord is longest:
/// at the inner surface's tangent for a thin beam, about one beam σ outside it for a beam as wide as the step. The tube centre is their midpoint, which the rotation does not
/// move relative to the tube; with one wall in the raster the centre is that wall ± half the expected separation.
/// </summary>
public static class KaptonWalls
{
    /// <summary>The walls in one profile.</summary>
    /// <param name="profile">Frame sums along the raster.</param>
    /// <param name="xUm">Motor x of each frame, µm (either direction, evenly spaced or not).</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="what">How to name the profile in errors, e.g. "angle 45°, slice 3".</param>
    /// <exception cref="TubeNotFoundException">No wall peak stands out, or the two peaks are not a tube's distance apart.</exception>
    /// <exception cref="ArgumentException">The profile and positions differ in length or are too short.</exception>
    public static TubeWalls Find(IReadOnlyList<double> profile, IReadOnlyList<double> xUm, KaptonWallOptions? options = null, string what = "the profile")
    {
        options ??= new KaptonWallOptions();
        if (profile.Count != xUm.Count)
        {
            throw new ArgumentException($"{what}: {profile.Count} frame sums but {xUm.Count} x positions.");
        }

        if (profile.Count < 5)
        {
            throw new ArgumentException($"{what}: {profile.Count} frames are too few to find the Kapton walls.");
        }

        // Work in increasing x so that "left" means lower motor x whatever the raster direction.
        var order = Enumerable.Range(0, profile.Count).OrderBy(i => xUm[i]).ToArray();
        var p = order.Select(i => profile[i]).ToArray();
        var x = order.Select(i => xUm[i]).ToArray();
        if (p.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"{what}: the frame sums hold non-finite values.");
        }

        var median = p.OrderBy(v => v).ElementAt(p.Length / 2);
        var top = p.Max();
        if (!(top > median))
        {
            throw new TubeNotFoundException($"No Kapton wall in {what}: the frame sums are flat.");
        }

        var threshold = median + options.PeakFraction * (top - median);
        var left = Peak(p, threshold, fromLeft: true);
        var right = Peak(p, threshold, fromLeft: false);
        if (left is null || right is null)
        {
            throw new TubeNotFoundException($"No Kapton wall in {what}: no frame rises {options.PeakFraction:P0} of the range above the median.");
        }

        double Position(int i) => Refine(p, x, i);
        double Prominence(int i) => (p[i] - median) / (top - median);
        TubeWalls LeftOnly(int i, double separation) =>
            new(Position(i), double.NaN, Position(i) + separation / 2, Prominence(i), double.NaN, EstimateSource.Automatic);
        TubeWalls RightOnly(int i, double separation) =>
            new(double.NaN, Position(i), Position(i) - separation / 2, double.NaN, Prominence(i), EstimateSource.Automatic);
        if (left.Value == right.Value)
        {
            // One peak: one wall in the raster, which one follows from where it lies.
            var expected = options.ExpectedSeparationUm
                ?? throw new TubeNotFoundException(
                    $"Only one Kapton wall in {what} (at {Position(left.Value):F1} µm) and no expected wall separation to place the centre.");
            return left.Value < p.Length / 2 ? LeftOnly(left.Value, expected) : RightOnly(left.Value, expected);
        }

        var (l, r) = (Position(left.Value), Position(right.Value));
        if (options.ExpectedSeparationUm is { } separation && Math.Abs(r - l - separation) > options.SeparationTolerance * separation)
        {
            // The outermost peaks are not a tube apart. If the raster ends inside the tube on one side (its last frame
            // there is not air) and that side's wall would lie beyond it, the peak on that side is the sample seen
            // through the tube, and the other wall alone places the centre.
            var air = p.Min();
            bool NotAir(double value) => value - air > 0.1 * (top - air);
            if (NotAir(p[0]) && r - separation < x[0] && Prominence(right.Value) >= Prominence(left.Value))
            {
                return RightOnly(right.Value, separation);
            }

            if (NotAir(p[^1]) && l + separation > x[^1] && Prominence(left.Value) >= Prominence(right.Value))
            {
                return LeftOnly(left.Value, separation);
            }

            throw new TubeNotFoundException(
                $"No Kapton tube in {what}: the outermost peaks at {l:F1} and {r:F1} µm are {r - l:F1} µm apart, " +
                $"but the walls should be {separation:F1} µm ± {options.SeparationTolerance:P0} apart.");
        }

        return new TubeWalls(l, r, 0.5 * (l + r), Prominence(left.Value), Prominence(right.Value), EstimateSource.Automatic);
    }

    /// <summary>The walls of one angle from its frame sums [slice, position], summed over
    /// <paramref name="slices"/> (all when null): the tube is vertical, so every slice sees the same walls and
    /// summing beats the noise. A <paramref name="pinnedCentreUm"/> bypasses the estimate: it becomes the centre
    /// (source Pinned), and the walls are still looked for and reported, NaN where none are found.</summary>
    public static TubeWalls FindInRaster(
        double[,] frameSums, IReadOnlyList<double> xUm, KaptonWallOptions? options = null, IEnumerable<int>? slices = null,
        string what = "the raster", double? pinnedCentreUm = null)
    {
        var rows = (slices ?? Enumerable.Range(0, frameSums.GetLength(0))).ToArray();
        var profile = new double[frameSums.GetLength(1)];
        foreach (var j in rows)
        {
            for (var i = 0; i < profile.Length; i++)
            {
                profile[i] += frameSums[j, i];
            }
        }

        if (pinnedCentreUm is not { } pinned)
        {
            return Find(profile, xUm, options, what);
        }

        try
        {
            return Find(profile, xUm, options, what) with { CentreUm = pinned, Source = EstimateSource.Pinned };
        }
        catch (TubeNotFoundException)
        {
            return TubeWalls.Pinned(pinned);
        }
    }

    /// <summary>The local maximum reached by climbing from the first frame above the threshold (from one side).</summary>
    private static int? Peak(double[] p, double threshold, bool fromLeft)
    {
        var step = fromLeft ? 1 : -1;
        var i = fromLeft ? 0 : p.Length - 1;
        while (i >= 0 && i < p.Length && p[i] < threshold)
        {
            i += step;
        }

        if (i < 0 || i >= p.Length)
        {
            return null;
        }

        while (i + step >= 0 && i + step < p.Length && p[i + step] > p[i])
        {
            i += step;
        }

        return i;
    }

    /// <summary>The vertex of the parabola through the peak frame and its neighbours, in µm (clamped to ± half a step).</summary>
    private static double Refine(double[] p, double[] x, int i)
    {
        if (i == 0 || i == p.Length - 1)
        {
            return x[i];
        }

        var curvature = p[i - 1] - 2 * p[i] + p[i + 1];
        if (!(curvature < 0))
        {
            return x[i];
        }

        var delta = Math.Clamp(0.5 * (p[i - 1] - p[i + 1]) / curvature, -0.5, 0.5);
        return delta >= 0 ? x[i] + delta * (x[i + 1] - x[i]) : x[i] + delta * (x[i] - x[i - 1]);
    }
}
