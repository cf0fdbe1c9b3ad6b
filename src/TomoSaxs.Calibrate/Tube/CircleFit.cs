using MathNet.Numerics.LinearAlgebra;

namespace TomoSaxs.Calibrate.Tube;

/// <summary>
/// Circle fits to edge points (row, col) in pixels. <see cref="Kasa"/> is the algebraic fit (the reference's
/// Coope fit): linear least squares of |p|² = 2c·p + (R² − |c|²), solved with MathNet's QR. It is a good start
/// but biased by noise; <see cref="Geometric"/> then minimises the true distances |p − c| − R by Gauss–Newton,
/// with Tukey-biweight reweighting so that stray edge points (sample touching the wall, dirt) are ignored.
/// </summary>
public static class CircleFit
{
    /// <summary>The algebraic (Kåsa/Coope) circle through the points: centre (row, col) and radius, pixels.</summary>
    /// <exception cref="ArgumentException">Fewer than three points, or all collinear.</exception>
    public static (double Row, double Col, double Radius) Kasa(IReadOnlyList<(double Row, double Col)> points)
    {
        if (points.Count < 3)
        {
            throw new ArgumentException($"A circle needs at least three edge points; got {points.Count}.");
        }

        // Centring the points first keeps the normal equations well conditioned for large coordinates.
        var meanRow = points.Average(p => p.Row);
        var meanCol = points.Average(p => p.Col);
        var design = Matrix<double>.Build.Dense(points.Count, 3);
        var rhs = Vector<double>.Build.Dense(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var (r, c) = (points[i].Row - meanRow, points[i].Col - meanCol);
            design[i, 0] = 2 * r;
            design[i, 1] = 2 * c;
            design[i, 2] = 1;
            rhs[i] = r * r + c * c;
        }

        var solution = design.QR().Solve(rhs);
        var squared = solution[2] + solution[0] * solution[0] + solution[1] * solution[1];
        if (!double.IsFinite(squared) || squared <= 0)
        {
            throw new ArgumentException("The edge points do not define a circle (they are collinear or degenerate).");
        }

        return (solution[0] + meanRow, solution[1] + meanCol, Math.Sqrt(squared));
    }

    /// <summary>
    /// The geometric circle fit from <paramref name="start"/>: robust (Tukey biweight, scale from the median
    /// absolute residual) Gauss–Newton on the distances. Returns the circle, the RMS distance of the inliers
    /// (pixels) and which points are inliers (weight &gt; 0).
    /// </summary>
    public static (double Row, double Col, double Radius, double RmsPx, bool[] Inliers) Geometric(
        IReadOnlyList<(double Row, double Col)> points, (double Row, double Col, double Radius) start, int iterations = 30)
    {
        var (row, col, radius) = start;
        var weights = Enumerable.Repeat(1.0, points.Count).ToArray();
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var residuals = points.Select(p => Math.Sqrt((p.Row - row) * (p.Row - row) + (p.Col - col) * (p.Col - col)) - radius).ToArray();
            // Tukey's biweight with c = 4.685 robust standard deviations (1.4826·MAD), floored at 0.05 px.
            var scale = Math.Max(0.05, 1.4826 * Median(residuals.Select(Math.Abs)));
            for (var i = 0; i < weights.Length; i++)
            {
                var u = residuals[i] / (4.685 * scale);
                weights[i] = Math.Abs(u) < 1 ? (1 - u * u) * (1 - u * u) : 0;
            }

            var jacobian = Matrix<double>.Build.Dense(points.Count, 3);
            var weighted = Vector<double>.Build.Dense(points.Count);
            for (var i = 0; i < points.Count; i++)
            {
                var (dr, dc) = (points[i].Row - row, points[i].Col - col);
                var distance = Math.Max(1e-12, Math.Sqrt(dr * dr + dc * dc));
                var w = Math.Sqrt(weights[i]);
                jacobian[i, 0] = -w * dr / distance;
                jacobian[i, 1] = -w * dc / distance;
                jacobian[i, 2] = -w;
                weighted[i] = -w * residuals[i];
            }

            var step = jacobian.QR().Solve(weighted);
            row += step[0];
            col += step[1];
            radius += step[2];
            if (Math.Abs(step[0]) + Math.Abs(step[1]) + Math.Abs(step[2]) < 1e-9)
            {
                break;
            }
        }

        var inliers = weights.Select(w => w > 0).ToArray();
        var sum = 0.0;
        var count = 0;
        for (var i = 0; i < points.Count; i++)
        {
            if (inliers[i])
            {
                var d = Math.Sqrt((points[i].Row - row) * (points[i].Row - row) + (points[i].Col - col) * (points[i].Col - col)) - radius;
                sum += d * d;
                count++;
            }
        }

        return (row, col, radius, count > 0 ? Math.Sqrt(sum / count) : double.NaN, inliers);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }
}
