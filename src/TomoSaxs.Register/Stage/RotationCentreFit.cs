namespace TomoSaxs.Register.Stage;

/// <summary>
/// One fit of the tube centres of every angle and slice (<c>tube_centre_fit: rotation</c>). The tube axis is a
/// straight line in the sample frame, and the sample turns about a fixed vertical axis: at angle θ (φ = s·(θ − θ_map))
/// and motor height y the axis's motor x is
/// <code>x_c(θ, y) = x_axis + (p₀ + p₁·y)·cos φ + (q₀ + q₁·y)·sin φ</code>
/// with x_axis the rotation axis's motor x and (p₀ + p₁·y, q₀ + q₁·y) the tube axis in the sample frame at height y.
/// Five parameters, linear, fitted by least squares to the per-(angle, slice) centres of the Kapton profile fits:
/// with A angles and S slices the noise of one profile fit is averaged over A·S centres instead of S (the per-angle
/// line), and the model cannot follow an error of one angle alone.
/// </summary>
public static class RotationCentreFit
{
    /// <summary>The least-squares centres, or null when the measured centres do not determine the five parameters
    /// (fewer than three distinct φ, or fewer than two distinct heights, among the finite centres).</summary>
    /// <param name="phiDeg">φ per angle, degrees.</param>
    /// <param name="yUm">Motor y per slice, µm.</param>
    /// <param name="measuredUm">Centre per [angle, slice], motor µm; NaN where no walls were found.</param>
    /// <returns>The fitted centre per [angle, slice], motor µm, at every angle and slice (NaN measurements included).</returns>
    public static double[,]? Fit(IReadOnlyList<double> phiDeg, IReadOnlyList<double> yUm, double[,] measuredUm)
    {
        var (a, s) = (measuredUm.GetLength(0), measuredUm.GetLength(1));
        var rows = new List<double[]>();
        var values = new List<double>();
        var meanY = yUm.Average();
        double[] Row(int k, int j)
        {
            var (sin, cos) = Math.SinCos(phiDeg[k] * Math.PI / 180);
            var y = yUm[j] - meanY;
            return [1, cos, y * cos, sin, y * sin];
        }

        for (var k = 0; k < a; k++)
        {
            for (var j = 0; j < s; j++)
            {
                if (double.IsFinite(measuredUm[k, j]))
                {
                    rows.Add(Row(k, j));
                    values.Add(measuredUm[k, j]);
                }
            }
        }

        var used = Enumerable.Range(0, a).SelectMany(k => Enumerable.Range(0, s).Where(j => double.IsFinite(measuredUm[k, j])).Select(j => (k, j))).ToArray();
        var distinctPhi = used.Select(u => Math.Round(Normalised(phiDeg[u.k]), 6)).Distinct().Count();
        var distinctY = used.Select(u => Math.Round(yUm[u.j], 6)).Distinct().Count();
        if (distinctPhi < 3 || distinctY < 2)
        {
            return null;
        }

        var design = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(rows);
        var solution = design.Svd().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfEnumerable(values));
        var fitted = new double[a, s];
        for (var k = 0; k < a; k++)
        {
            for (var j = 0; j < s; j++)
            {
                var row = Row(k, j);
                fitted[k, j] = Enumerable.Range(0, 5).Sum(i => row[i] * solution[i]);
            }
        }

        return fitted;
    }

    /// <summary>φ in [0°, 360°).</summary>
    private static double Normalised(double phiDeg) => ((phiDeg % 360) + 360) % 360;
}
