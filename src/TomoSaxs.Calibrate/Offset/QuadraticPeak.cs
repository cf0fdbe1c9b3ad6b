using MathNet.Numerics.LinearAlgebra;

namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// Sub-voxel position of a maximum from the 27 scores around an integer peak: a least-squares fit (MathNet QR)
/// of the full 3-D quadratic s = a + bᵀx + xᵀAx, whose stationary point −½A⁻¹b is the refined peak. The cross
/// terms matter when the correlation peak is elongated along a diagonal. If the fitted surface is not a
/// maximum, or its peak lies more than one voxel away, the separable 1-D parabolas are used instead.
/// </summary>
public static class QuadraticPeak
{
    /// <summary>The sub-voxel displacement of the maximum from the centre of <paramref name="scores"/>
    /// (indexed [dz + 1, dy + 1, dx + 1]), each component within ±1 voxel.</summary>
    /// <exception cref="ArgumentException">The grid is not 3 × 3 × 3 or holds a non-finite score.</exception>
    public static Offset3 Refine(double[,,] scores)
    {
        if (scores.GetLength(0) != 3 || scores.GetLength(1) != 3 || scores.GetLength(2) != 3)
        {
            throw new ArgumentException("The scores must be a 3 × 3 × 3 grid around the integer peak.", nameof(scores));
        }

        var design = Matrix<double>.Build.Dense(27, 10);
        var values = Vector<double>.Build.Dense(27);
        var row = 0;
        for (var z = -1; z <= 1; z++)
        {
            for (var y = -1; y <= 1; y++)
            {
                for (var x = -1; x <= 1; x++)
                {
                    var s = scores[z + 1, y + 1, x + 1];
                    if (!double.IsFinite(s))
                    {
                        throw new ArgumentException($"The score at ({z}, {y}, {x}) is not finite.", nameof(scores));
                    }

                    double[] terms = [1, z, y, x, z * z, y * y, x * x, z * y, z * x, y * x];
                    for (var k = 0; k < terms.Length; k++)
                    {
                        design[row, k] = terms[k];
                    }

                    values[row++] = s;
                }
            }
        }

        var p = design.QR().Solve(values);
        var hessian = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 2 * p[4], p[7], p[8] },
            { p[7], 2 * p[5], p[9] },
            { p[8], p[9], 2 * p[6] },
        });
        var gradient = Vector<double>.Build.DenseOfArray([p[1], p[2], p[3]]);
        var eigen = hessian.Evd(Symmetricity.Symmetric);
        if (eigen.EigenValues.All(value => value.Real < 0))
        {
            var stationary = -hessian.Solve(gradient);
            if (stationary.All(v => Math.Abs(v) <= 1))
            {
                return new Offset3(stationary[0], stationary[1], stationary[2]);
            }
        }

        return new Offset3(
            Parabola(scores[0, 1, 1], scores[1, 1, 1], scores[2, 1, 1]),
            Parabola(scores[1, 0, 1], scores[1, 1, 1], scores[1, 2, 1]),
            Parabola(scores[1, 1, 0], scores[1, 1, 1], scores[1, 1, 2]));
    }

    /// <summary>The vertex of the parabola through (−1, a), (0, b), (1, c), clamped to ±0.5.</summary>
    public static double Parabola(double before, double at, double after)
    {
        var curvature = before - 2 * at + after;
        return curvature < 0 ? Math.Clamp(0.5 * (before - after) / curvature, -0.5, 0.5) : 0;
    }
}
