using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace TomoSaxs.Register.Fibres;

/// <summary>
/// Fits a straight cylinder to one fibre's traced voxels. A voxel is traced when its centre lies inside the fibre,
/// so the cylinder sought is the one whose surface separates the fibre's voxel centres from the untraced voxel
/// centres around it. Starting from the principal axis of the voxel centres (or the traced angles, for a fibre too
/// short to have one) and the radius that holds the voxel count, the axis (two tilts, two offsets) and the radius
/// are moved to put that surface in the middle of the gap between the two sets (a softened hinge loss, minimised by
/// Nelder–Mead at three decreasing softnesses); the end faces are put midway between the last traced voxel centre
/// and the first untraced one near the axis. Fibres a straight cylinder does not describe (curved, branched, fewer
/// than <see cref="CylinderFitOptions.MinVoxels"/> voxels) get no cylinder.
/// </summary>
public static class FibreCylinderFit
{
    private static readonly double[] Softness = [0.25, 0.1, 0.04];

    /// <summary>Fits every fibre of <paramref name="traced"/>; the ones without a cylinder are left out.</summary>
    /// <param name="traced">The traced voxels.</param>
    /// <param name="voxelUm">The fibre voxel edge, µm.</param>
    /// <param name="cornerUm">Where voxel (0, 0, 0)'s corner lies in the calibrated frame (Z, Y, X), µm.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="maxThreads">At most this many fibres at once; 0 = as many as cores.</param>
    public static IReadOnlyDictionary<int, FibreCylinder> FitAll(
        TracedFibreVoxels traced, double voxelUm, (double Z, double Y, double X) cornerUm, CylinderFitOptions? options = null, int maxThreads = 0)
    {
        var ids = traced.FibreIds;
        var fits = new FibreCylinder?[ids.Count];
        Parallel.For(0, ids.Count, new ParallelOptions { MaxDegreeOfParallelism = maxThreads > 0 ? maxThreads : -1 }, i =>
        {
            var id = ids[i];
            fits[i] = Fit(id, traced.Voxels[id], TracedAxisOf(traced.AxisTensors[id]), traced.LabelAt, options)?.ToMicrometres(voxelUm, cornerUm);
        });
        return fits.Where(fit => fit is not null).ToDictionary(fit => fit!.FibreId, fit => fit!);
    }

    /// <summary>Fits one fibre in voxel units (voxel (z, y, x)'s centre at (x, y, z)).</summary>
    /// <param name="fibreId">The fibre.</param>
    /// <param name="voxels">Its traced voxels (slice, row, column).</param>
    /// <param name="tracedAxis">The mean traced axis (X, Y, Z), used when the voxels are too short to give one.</param>
    /// <param name="labelAt">The fibre at any voxel (z, y, x): 0 none, −1 unknown (outside the volume).</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <returns>The cylinder in voxel units, or null when a straight cylinder does not describe the voxels.</returns>
    public static VoxelCylinder? Fit(
        int fibreId, IReadOnlyList<(int Z, int Y, int X)> voxels, (double X, double Y, double Z) tracedAxis,
        Func<int, int, int, int> labelAt, CylinderFitOptions? options = null)
    {
        options ??= new CylinderFitOptions();
        var n = voxels.Count;
        if (n < options.MinVoxels)
        {
            return null;
        }

        var inside = new Vec3[n];
        for (var i = 0; i < n; i++)
        {
            inside[i] = new Vec3(voxels[i].X, voxels[i].Y, voxels[i].Z);
        }

        var centre = Mean(inside);
        var axis = PrincipalAxis(inside, centre, options.MinElongation) ?? new Vec3(tracedAxis).Normalised();
        var outside = UntracedNeighbours(voxels, labelAt);

        var (e1, e2) = axis.Perpendiculars();
        var (tMin, tMax) = Span(inside, centre, axis);
        var radius = Math.Sqrt(n / (Math.PI * (tMax - tMin + 1)));
        // Untraced centres beside the fibre (not beyond its ends) constrain the radius and the axis.
        var beside = outside.Where(p => Vec3.Dot(p - centre, axis) is var t && t > tMin + 0.5 && t < tMax - 0.5).ToArray();
        var parameters = Vector<double>.Build.DenseOfArray([0, 0, 0, 0, radius]);
        foreach (var softness in Softness)
        {
            var tau = softness;
            var objective = ObjectiveFunction.Value(p =>
            {
                var (a, c, r) = Unpack(p, centre, axis, e1, e2);
                var loss = 0.0;
                foreach (var q in inside)
                {
                    loss += SoftPlus((Distance(q, c, a) - r) / tau);
                }

                foreach (var q in beside)
                {
                    loss += SoftPlus((r - Distance(q, c, a)) / tau);
                }

                return loss * tau;
            });
            var result = NelderMeadSimplex.Minimum(objective, parameters, Vector<double>.Build.DenseOfArray([0.02, 0.02, 0.2, 0.2, 0.1]), 1e-10, 4000);
            parameters = result.MinimizingPoint;
        }

        var (fitAxis, fitCentre, fitRadius) = Unpack(parameters, centre, axis, e1, e2);
        if (!(fitRadius > 0))
        {
            return null;
        }

        // Straightness: a curved or branched fibre leaves traced centres well outside any one straight cylinder.
        var far = inside.Count(q => Distance(q, fitCentre, fitAxis) > fitRadius + options.StraightnessToleranceVoxels);
        if (far > options.MaxFarFraction * n)
        {
            return null;
        }

        var (start, end) = Span(inside, fitCentre, fitAxis);
        var onAxis = outside.Where(p => Distance(p, fitCentre, fitAxis) <= fitRadius).Select(p => Vec3.Dot(p - fitCentre, fitAxis)).ToArray();
        // Without an untraced centre beyond an end, half the mean spacing of traced centres along the axis.
        var halfSpacing = 0.5 / (Math.PI * fitRadius * fitRadius);
        var before = onAxis.Where(t => t < start && t > start - 1.8).DefaultIfEmpty(double.NaN).Max();
        var after = onAxis.Where(t => t > end && t < end + 1.8).DefaultIfEmpty(double.NaN).Min();
        var startFace = double.IsNaN(before) ? start - halfSpacing : 0.5 * (before + start);
        var endFace = double.IsNaN(after) ? end + halfSpacing : 0.5 * (after + end);
        return new VoxelCylinder(fibreId, (fitCentre.X, fitCentre.Y, fitCentre.Z), (fitAxis.X, fitAxis.Y, fitAxis.Z), startFace, endFace, fitRadius, n);
    }

    /// <summary>The principal axis of Σ n nᵀ (the mean traced axis, n and −n alike).</summary>
    public static (double X, double Y, double Z) TracedAxisOf(double[] tensor)
    {
        var evd = Matrix<double>.Build.DenseOfRowMajor(3, 3, tensor).Evd(Symmetricity.Symmetric);
        var top = Enumerable.Range(0, 3).MaxBy(i => evd.EigenValues[i].Real);
        var v = evd.EigenVectors.Column(top);
        return (v[0], v[1], v[2]);
    }

    private static (Vec3 Axis, Vec3 Centre, double Radius) Unpack(Vector<double> p, Vec3 centre, Vec3 axis, Vec3 e1, Vec3 e2) =>
        ((axis + p[0] * e1 + p[1] * e2).Normalised(), centre + p[2] * e1 + p[3] * e2, p[4]);

    private static double SoftPlus(double x) => x > 30 ? x : Math.Log(1 + Math.Exp(x));

    /// <summary>The untraced voxel centres (label 0) among the 26 neighbours of the fibre's voxels; voxels of other
    /// fibres and outside the volume say nothing about this fibre's surface and are left out.</summary>
    private static Vec3[] UntracedNeighbours(IReadOnlyList<(int Z, int Y, int X)> voxels, Func<int, int, int, int> labelAt)
    {
        var seen = new HashSet<(int, int, int)>();
        var result = new List<Vec3>();
        foreach (var (z, y, x) in voxels)
        {
            for (var dz = -1; dz <= 1; dz++)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var key = (z + dz, y + dy, x + dx);
                        if (seen.Add(key) && labelAt(key.Item1, key.Item2, key.Item3) == 0)
                        {
                            result.Add(new Vec3(key.Item3, key.Item2, key.Item1));
                        }
                    }
                }
            }
        }

        return [.. result];
    }

    private static Vec3? PrincipalAxis(Vec3[] points, Vec3 centre, double minElongation)
    {
        var covariance = new double[9];
        foreach (var p in points)
        {
            var d = p - centre;
            double[] v = [d.X, d.Y, d.Z];
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    covariance[i * 3 + j] += v[i] * v[j];
                }
            }
        }

        var evd = Matrix<double>.Build.DenseOfRowMajor(3, 3, covariance).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, 3).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        if (evd.EigenValues[order[0]].Real < minElongation * evd.EigenValues[order[1]].Real)
        {
            return null;
        }

        var axis = evd.EigenVectors.Column(order[0]);
        return new Vec3(axis[0], axis[1], axis[2]).Normalised();
    }

    private static (double Min, double Max) Span(Vec3[] points, Vec3 centre, Vec3 axis)
    {
        var (min, max) = (double.MaxValue, double.MinValue);
        foreach (var p in points)
        {
            var t = Vec3.Dot(p - centre, axis);
            (min, max) = (Math.Min(min, t), Math.Max(max, t));
        }

        return (min, max);
    }

    private static Vec3 Mean(Vec3[] points)
    {
        var (x, y, z) = (0.0, 0.0, 0.0);
        foreach (var p in points)
        {
            (x, y, z) = (x + p.X, y + p.Y, z + p.Z);
        }

        return new Vec3(x / points.Length, y / points.Length, z / points.Length);
    }

    private static double Distance(Vec3 p, Vec3 centre, Vec3 axis)
    {
        var d = p - centre;
        var t = Vec3.Dot(d, axis);
        var r = d - t * axis;
        return Math.Sqrt(Vec3.Dot(r, r));
    }
}

/// <summary>A fitted cylinder in voxel units: voxel (z, y, x)'s centre at (x, y, z).</summary>
/// <param name="FibreId">The fibre.</param>
/// <param name="Centre">A point on the axis (X, Y, Z), voxels.</param>
/// <param name="Axis">The unit axis.</param>
/// <param name="Start">The start face along the axis from <paramref name="Centre"/>, voxels.</param>
/// <param name="End">The end face, voxels.</param>
/// <param name="Radius">The radius, voxels.</param>
/// <param name="VoxelCount">The traced voxels.</param>
public sealed record VoxelCylinder(
    int FibreId, (double X, double Y, double Z) Centre, (double X, double Y, double Z) Axis, double Start, double End, double Radius, int VoxelCount)
{
    /// <summary>The same cylinder in the calibrated frame (µm), voxel (0, 0, 0)'s corner at <paramref name="cornerUm"/> (Z, Y, X).</summary>
    public FibreCylinder ToMicrometres(double voxelUm, (double Z, double Y, double X) cornerUm) => new(
        FibreId,
        ((Centre.X + 0.5) * voxelUm + cornerUm.X, (Centre.Y + 0.5) * voxelUm + cornerUm.Y, (Centre.Z + 0.5) * voxelUm + cornerUm.Z),
        Axis, Start * voxelUm, End * voxelUm, Radius * voxelUm, VoxelCount);
}

/// <summary>Settings of <see cref="FibreCylinderFit"/>.</summary>
public sealed record CylinderFitOptions
{
    /// <summary>Fibres with fewer traced voxels get no cylinder (their voxels are used as they are).</summary>
    public int MinVoxels { get; init; } = 8;

    /// <summary>The voxel centres give the axis when their spread along it is at least this many times the spread
    /// across (variance ratio); otherwise the traced angles do.</summary>
    public double MinElongation { get; init; } = 4;

    /// <summary>A traced centre farther than the radius plus this (voxels) from the axis is "far".</summary>
    public double StraightnessToleranceVoxels { get; init; } = 0.75;

    /// <summary>More far centres than this share of the voxels: the fibre is not straight and gets no cylinder.</summary>
    public double MaxFarFraction { get; init; } = 0.05;
}
