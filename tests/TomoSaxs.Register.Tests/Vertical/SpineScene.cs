namespace TomoSaxs.Register.Tests.Vertical;

/// <summary>
/// A side view of a spine segment in the CT frame (z down, x across, µm): vertebra below a curved endplate at
/// z ≈ 1113.5 µm and above z ≈ 240 µm, a disc between, buffer beside it and two Kapton walls. The CT map and
/// the WAXS map are both area averages of this scene (at different resolutions and contrasts), so the true
/// offset between them is known exactly.
/// </summary>
internal static class SpineScene
{
    public const double Endplate = 1113.5;

    public static double EndplateAt(double x) => Endplate + 30 * Math.Sin(x / 200);

    /// <summary>Density-like value 0…1 at (z, x) µm.</summary>
    public static double At(double z, double x)
    {
        if (z > EndplateAt(x) || z < 240 + 20 * Math.Cos(x / 150))
        {
            return 1.0; // bone
        }

        if (Math.Abs(Math.Abs(x - 650) - 600) < 10)
        {
            return 0.6; // Kapton wall
        }

        return Math.Abs(x - 650) < 450 ? 0.35 : 0.15; // disc or buffer
    }

    /// <summary>The mean of f over [z0, z1) × [x0, x1) by n × n sub-samples.</summary>
    public static double Average(Func<double, double, double> f, double z0, double z1, double x0, double x1, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < n; k++)
            {
                sum += f(z0 + (i + 0.5) * (z1 - z0) / n, x0 + (k + 0.5) * (x1 - x0) / n);
            }
        }

        return sum / (n * n);
    }

    /// <summary>The inverted CT map: rows × cols pixels of <paramref name="voxel"/> µm, 1 − scene.</summary>
    public static double[,] CtMap(int rows, int cols, double voxel)
    {
        var map = new double[rows, cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                map[r, c] = 1 - Average(At, r * voxel, (r + 1) * voxel, c * voxel, (c + 1) * voxel, 4);
            }
        }

        return map;
    }
}
