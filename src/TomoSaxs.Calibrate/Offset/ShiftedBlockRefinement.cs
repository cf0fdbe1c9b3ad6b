using TomoSaxs.Calibrate.Resampling;

namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// Sub-voxel offset by modelling what the low-res scanner saw: the high-res block, at its own voxel size, is
/// area-averaged onto the low-res grid at a trial fractional offset (exact footprints, as <see cref="AreaResampler"/>
/// and the combined CT do) and the trial's score is the zero-mean NCC of that prediction with the low-res voxels.
/// The offset is refined by Gauss–Newton on the fit low-res ≈ α·prediction(offset) + β (the same optimum as the
/// NCC's), with the prediction's derivatives by central differences, all three axes at once so a peak elongated
/// along a diagonal does not stall an axis-by-axis search. A parabola through NCC samples at whole-voxel offsets (<see cref="QuadraticPeak"/>) is biased
/// towards the nearest whole voxel when the truth lies near a half voxel, because the NCC curve is not a parabola
/// over ±1 voxel; the model has no such bias, since at the true offset it is what the low-res scanner measured.
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
    /// <param name="maxIterations">Gauss–Newton iterations at most.</param>
    /// <exception cref="ArgumentException">The target window is empty.</exception>
    public static (Offset3 Offset, double Ncc) Refine(
        float[,,] target, (int Z, int Y, int X) targetStart, float[,,] native, (int Z, int Y, int X) nativeStart,
        double nativeVoxelUm, double commonVoxelUm, Offset3 start, int maxIterations = 10)
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

        // Every array is allocated once and reused by the iterations (each iteration would otherwise leave several
        // times the block's size of garbage on the large-object heap).
        float[,,] Shaped(int[] shape) => new float[shape[0], shape[1], shape[2]];
        var partials = new float[3][][,,];
        for (var axis = 0; axis < 3; axis++)
        {
            int[] shape = [native.GetLength(0), native.GetLength(1), native.GetLength(2)];
            partials[axis] = new float[2][,,];
            var k = 0;
            for (var other = 0; other < 3; other++)
            {
                if (other != axis)
                {
                    shape[other] = count[other];
                    partials[axis][k++] = Shaped(shape);
                }
            }
        }

        var prediction = Shaped(count);
        var minus = Shaped(count);
        float[][,,] derivatives = [Shaped(count), Shaped(count), Shaped(count)];

        var bestNcc = double.NegativeInfinity;
        var best = (double[])offset.Clone();
        for (var iteration = 0; iteration < 2 * maxIterations; iteration++)
        {
            // The prediction and its central differences along each axis. Averaging is separable, so the two other
            // axes are averaged once per axis and only the differentiated axis is averaged at o ± δ.
            for (var axis = 0; axis < 3; axis++)
            {
                var partial = native;
                var k = 0;
                for (var other = 0; other < 3; other++)
                {
                    if (other != axis)
                    {
                        partial = AxisAverage.Along(partial, other, Footprint(other, offset[other]), partials[axis][k++]);
                    }
                }

                if (axis == 0)
                {
                    AxisAverage.Along(partial, axis, Footprint(axis, offset[axis]), prediction);
                }

                AxisAverage.Along(partial, axis, Footprint(axis, offset[axis] + Delta), derivatives[axis]);
                AxisAverage.Along(partial, axis, Footprint(axis, offset[axis] - Delta), minus);
                Difference(derivatives[axis], minus, 2 * Delta);
            }

            var ncc = ZeroMeanNcc.Score(target, prediction, 0, 0, 0);
            if (!(ncc >= bestNcc))
            {
                // Damped: a step that lowers the NCC is halved back towards the best offset so far, so the model never
                // ends worse than the whole-voxel fit it starts from (on bench-ct's 2.4 → 4 µm resampling plain
                // Gauss–Newton steps ran to the 0.9-voxel bound).
                var largestBack = 0.0;
                for (var a = 0; a < 3; a++)
                {
                    var back = 0.5 * (offset[a] - best[a]);
                    largestBack = Math.Max(largestBack, Math.Abs(back));
                    offset[a] = best[a] + back;
                }

                if (largestBack < Tolerance)
                {
                    break;
                }

                continue;
            }

            (bestNcc, best) = (ncc, (double[])offset.Clone());
            var step = GaussNewtonStep(target, prediction, derivatives);
            if (step is null)
            {
                break;
            }

            var largest = 0.0;
            for (var a = 0; a < 3; a++)
            {
                var move = Math.Clamp(step[a], -MaxStep, MaxStep);
                var next = Math.Clamp(offset[a] + move, initial[a] - MaxMove, initial[a] + MaxMove);
                largest = Math.Max(largest, Math.Abs(next - offset[a]));
                offset[a] = next;
            }

            if (largest < Tolerance)
            {
                break;
            }
        }

        return (new Offset3(best[0], best[1], best[2]), bestNcc);
    }

    /// <summary>Finite-difference half-width, common voxels: each weight is linear in the offset between the points
    /// where a native edge crosses a low-res edge, so a wide difference averages over several of them.</summary>
    private const double Delta = 0.1;

    /// <summary>Largest Gauss–Newton move per iteration and axis, common voxels.</summary>
    private const double MaxStep = 0.5;

    /// <summary>Converged when no axis moves more than this, common voxels.</summary>
    private const double Tolerance = 1e-3;

    /// <summary>
    /// One Gauss–Newton step of the fit target ≈ α·(prediction + Σₐ Δₐ·∂prediction/∂oₐ) + β: after removing the
    /// means (β), the linear least squares in (α, αΔ_z, αΔ_y, αΔ_x) from its 4 × 4 normal equations. Maximising the
    /// NCC and minimising this residual over the offset are the same problem; null when the system is singular.
    /// </summary>
    private static double[]? GaussNewtonStep(float[,,] target, float[,,] prediction, float[][,,] derivatives)
    {
        var n = (double)target.Length;
        double[] means = new double[5];
        var columns = new[] { prediction, derivatives[0], derivatives[1], derivatives[2], target };
        for (var c = 0; c < 5; c++)
        {
            var sum = 0.0;
            foreach (var v in columns[c])
            {
                sum += v;
            }

            means[c] = sum / n;
        }

        var products = new double[5, 5];
        var (d, h, w) = (target.GetLength(0), target.GetLength(1), target.GetLength(2));
        var row = new double[5];
        for (var z = 0; z < d; z++)
        {
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    for (var c = 0; c < 5; c++)
                    {
                        row[c] = columns[c][z, y, x] - means[c];
                    }

                    for (var i = 0; i < 5; i++)
                    {
                        for (var j = i; j < 5; j++)
                        {
                            products[i, j] += row[i] * row[j];
                        }
                    }
                }
            }
        }

        var normal = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(4, 4, (i, j) => products[Math.Min(i, j), Math.Max(i, j)]);
        var right = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(4, i => products[i, 4]);
        var solution = normal.Solve(right);
        if (!solution.All(double.IsFinite) || Math.Abs(solution[0]) < 1e-12)
        {
            return null;
        }

        return [solution[1] / solution[0], solution[2] / solution[0], solution[3] / solution[0]];
    }

    /// <summary>plus ← (plus − minus) / width, in place.</summary>
    private static void Difference(float[,,] plus, float[,,] minus, double width)
    {
        for (var z = 0; z < plus.GetLength(0); z++)
        {
            for (var y = 0; y < plus.GetLength(1); y++)
            {
                for (var x = 0; x < plus.GetLength(2); x++)
                {
                    plus[z, y, x] = (float)((plus[z, y, x] - minus[z, y, x]) / width);
                }
            }
        }
    }
}
