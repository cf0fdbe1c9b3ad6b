using TomoSaxs.Calibrate.Resampling;

namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// Sub-voxel offset by modelling what the low-res scanner saw: the high-res block, at its own voxel size, is
/// area-averaged onto the low-res grid at a trial fractional offset (exact footprints, as <see cref="AreaResampler"/>
/// and the combined CT do) and the trial's score is the zero-mean NCC of that prediction with the low-res voxels.
/// The offset is refined one axis at a time by parabolas through trials 0.25 and then 0.0625 voxel apart, two
/// sweeps over z, y, x. A parabola through NCC samples at whole-voxel offsets (<see cref="QuadraticPeak"/>) is biased
/// towards the nearest whole voxel when the truth lies near a half voxel, because the NCC curve is not a parabola
/// over ±1 voxel; close to the model's own peak, ±0.0625 voxel, it is.
/// </summary>
public static class ShiftedBlockRefinement
{
    /// <summary>Largest move from the starting offset on any axis, common voxels: the target window keeps a one-voxel
    /// margin inside the block, so every trial covers it fully.</summary>
    public const double MaxMove = 0.9;

    /// <summary>The low-res voxels [start, end) per axis (z, y, x) that the native block covers fully for every offset
    /// within one voxel of <paramref name="start"/>: the voxels compared with the prediction.</summary>
    /// <param name="nativeStart">The block's first voxel in the high-res scan, native voxels (z, y, x).</param>
    /// <param name="nativeShape">The block's shape, native voxels.</param>
    /// <param name="nativeVoxelUm">The high-res voxel edge, µm.</param>
    /// <param name="commonVoxelUm">The low-res (common) voxel edge, µm.</param>
    /// <param name="start">The offset to refine, common voxels (high-res corner in the low-res frame).</param>
    public static (int Start, int End)[] Window(
        (int Z, int Y, int X) nativeStart, (int Z, int Y, int X) nativeShape, double nativeVoxelUm, double commonVoxelUm, Offset3 start)
    {
        int[] n0 = [nativeStart.Z, nativeStart.Y, nativeStart.X];
        int[] n = [nativeShape.Z, nativeShape.Y, nativeShape.X];
        double[] o = [start.Z, start.Y, start.X];
        var window = new (int, int)[3];
        for (var a = 0; a < 3; a++)
        {
            var low = o[a] + n0[a] * nativeVoxelUm / commonVoxelUm;
            var high = o[a] + (n0[a] + n[a]) * nativeVoxelUm / commonVoxelUm;
            window[a] = ((int)Math.Ceiling(low - 1e-9) + 1, (int)Math.Floor(high + 1e-9) - 1);
        }

        return window;
    }

    /// <summary>The refined offset (common voxels) and the model's NCC there.</summary>
    /// <param name="target">The low-res voxels of <see cref="Window"/> (possibly narrowed to the low-res volume).</param>
    /// <param name="targetStart">The low-res index of <paramref name="target"/>'s first voxel (z, y, x).</param>
    /// <param name="native">The high-res block at its own voxel size.</param>
    /// <param name="nativeStart">The block's first voxel in the high-res scan, native voxels.</param>
    /// <param name="nativeVoxelUm">The high-res voxel edge, µm.</param>
    /// <param name="commonVoxelUm">The low-res voxel edge, µm.</param>
    /// <param name="start">The offset to start from, common voxels (e.g. the quadratic fit's).</param>
    /// <exception cref="ArgumentException">The target window is empty.</exception>
    public static (Offset3 Offset, double Ncc) Refine(
        float[,,] target, (int Z, int Y, int X) targetStart, float[,,] native, (int Z, int Y, int X) nativeStart,
        double nativeVoxelUm, double commonVoxelUm, Offset3 start)
    {
        if (target.Length == 0)
        {
            throw new ArgumentException("The low-res window compared with the shifted high-res block is empty.", nameof(target));
        }

        int[] n0 = [nativeStart.Z, nativeStart.Y, nativeStart.X];
        int[] t0 = [targetStart.Z, targetStart.Y, targetStart.X];
        int[] count = [target.GetLength(0), target.GetLength(1), target.GetLength(2)];
        double[] initial = [start.Z, start.Y, start.X];
        var offset = (double[])initial.Clone();

        AxisFootprint Footprint(int axis, double value) => AxisFootprint.Create(native.GetLength(axis), nativeVoxelUm, commonVoxelUm,
            count[axis], value * commonVoxelUm + n0[axis] * nativeVoxelUm - t0[axis] * commonVoxelUm);

        var ncc = double.NaN;
        for (var sweep = 0; sweep < 2; sweep++)
        {
            for (var axis = 0; axis < 3; axis++)
            {
                // Average along the two other axes once; each trial then only averages along this one.
                var partial = native;
                for (var other = 0; other < 3; other++)
                {
                    if (other != axis)
                    {
                        partial = AxisAverage.Along(partial, other, Footprint(other, offset[other]));
                    }
                }

                var a = axis;
                double Score(double value) => ZeroMeanNcc.Score(target, AxisAverage.Along(partial, a, Footprint(a, value)), 0, 0, 0);
                foreach (var step in new[] { 0.25, 0.0625 })
                {
                    var centre = offset[a];
                    var (before, at, after) = (Score(centre - step), Score(centre), Score(centre + step));
                    var vertex = double.IsFinite(before) && double.IsFinite(at) && double.IsFinite(after)
                        ? Vertex(before, at, after)
                        : 0;
                    offset[a] = Math.Clamp(centre + step * vertex, initial[a] - MaxMove, initial[a] + MaxMove);
                    ncc = at;
                }
            }
        }

        var refined = new Offset3(offset[0], offset[1], offset[2]);
        return (refined, ncc);
    }

    /// <summary>The vertex of the parabola through (−1, a), (0, b), (1, c) in steps, within ±1 step (the best sample's
    /// side when the three are not concave), so a start up to a step away from the peak still reaches it.</summary>
    private static double Vertex(double before, double at, double after)
    {
        var curvature = before - 2 * at + after;
        if (curvature < 0)
        {
            return Math.Clamp(0.5 * (before - after) / curvature, -1, 1);
        }

        return before > after ? (before > at ? -1 : 0) : (after > at ? 1 : 0);
    }
}
