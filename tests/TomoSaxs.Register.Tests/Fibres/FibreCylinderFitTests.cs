using TomoSaxs.Register.Fibres;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Fibres;

/// <summary><see cref="FibreCylinderFit"/> on cylinders voxelised by the centre rule (a voxel is traced when its centre
/// lies inside), thin (0.8 voxel radius) to well resolved (3 voxels).</summary>
public sealed class FibreCylinderFitTests(ITestOutputHelper output)
{
    [Fact]
    public void Radius_length_and_axis_of_voxelised_cylinders_are_recovered()
    {
        var random = new Random(20261124);
        var (radius, length, axis, volume) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var n = 0; n < 60; n++)
        {
            var truth = RandomCylinder(random);
            var labels = Voxelise(truth, 1, out var voxels);
            var fit = FibreCylinderFit.Fit(1, voxels, truth.Axis, (z, y, x) => labels.GetValueOrDefault((z, y, x)));
            Assert.NotNull(fit);
            radius.Add(fit.Radius / truth.Radius - 1);
            length.Add((fit.End - fit.Start) / truth.Length - 1);
            volume.Add(fit.Radius * fit.Radius * (fit.End - fit.Start) / (truth.Radius * truth.Radius * truth.Length) - 1);
            var dot = Math.Abs(fit.Axis.X * truth.Axis.X + fit.Axis.Y * truth.Axis.Y + fit.Axis.Z * truth.Axis.Z);
            axis.Add(Math.Acos(Math.Min(1, dot)) * 180 / Math.PI);
        }

        output.WriteLine($"radius median {Median(radius):P2} worst {radius.Max(Math.Abs):P2}; length median {Median(length):P2} worst {length.Max(Math.Abs):P2}; " +
                         $"volume median {Median(volume):P2} worst {volume.Max(Math.Abs):P2}; axis median {axis.Order().ElementAt(axis.Count / 2):F3}° worst {axis.Max():F3}°");
        Assert.True(Median(radius) <= 0.015, $"median radius error {Median(radius):P2}");
        Assert.True(radius.Max(Math.Abs) <= 0.06, $"worst radius error {radius.Max(Math.Abs):P2}");
        Assert.True(length.Max(Math.Abs) <= 0.04, $"worst length error {length.Max(Math.Abs):P2}");
        Assert.True(Median(volume) <= 0.03, $"median volume error {Median(volume):P2}");
        Assert.True(Math.Abs(volume.Average()) <= 0.01, $"volume bias {volume.Average():P2}");
        Assert.True(axis.Max() <= 1, $"worst axis error {axis.Max():F2}°");
    }

    [Fact]
    public void A_curved_fibre_and_a_fibre_of_a_few_voxels_get_no_cylinder()
    {
        // A quarter circle of 25 voxels' radius of curvature, 1.5 voxels thick.
        var labels = new Dictionary<(int, int, int), int>();
        var voxels = new List<(int Z, int Y, int X)>();
        for (var z = 0; z < 6; z++)
        {
            for (var y = 0; y < 40; y++)
            {
                for (var x = 0; x < 40; x++)
                {
                    var ring = Math.Sqrt(x * x + y * y) - 25;
                    if (ring * ring + (z - 3) * (z - 3) <= 1.5 * 1.5)
                    {
                        labels[(z, y, x)] = 1;
                        voxels.Add((z, y, x));
                    }
                }
            }
        }

        Assert.Null(FibreCylinderFit.Fit(1, voxels, (1, 0, 0), (z, y, x) => labels.GetValueOrDefault((z, y, x))));
        Assert.Null(FibreCylinderFit.Fit(2, [(0, 0, 0), (0, 0, 1), (0, 0, 2)], (1, 0, 0), (_, _, _) => 0));
    }

    private static double Median(List<double> errors) => errors.Select(Math.Abs).Order().ElementAt(errors.Count / 2);

    private static (( double X, double Y, double Z) Centre, (double X, double Y, double Z) Axis, double Radius, double Length) RandomCylinder(Random random)
    {
        var alpha = 20 + 140 * random.NextDouble();
        var beta = 180 * random.NextDouble();
        return ((20 + random.NextDouble(), 20 + random.NextDouble(), 20 + random.NextDouble()), TracedFibreVoxels.TracedAxis(alpha, beta),
            0.8 + 2.2 * random.NextDouble(), 15 + 25 * random.NextDouble());
    }

    /// <summary>Voxels (z, y, x) whose centre (x, y, z) lies inside the cylinder.</summary>
    private static Dictionary<(int, int, int), int> Voxelise(
        ((double X, double Y, double Z) Centre, (double X, double Y, double Z) Axis, double Radius, double Length) cylinder, int id, out List<(int Z, int Y, int X)> voxels)
    {
        var (c, a, r, l) = cylinder;
        var labels = new Dictionary<(int, int, int), int>();
        voxels = [];
        for (var z = 0; z < 42; z++)
        {
            for (var y = 0; y < 42; y++)
            {
                for (var x = 0; x < 42; x++)
                {
                    var (dx, dy, dz) = (x - c.X, y - c.Y, z - c.Z);
                    var t = dx * a.X + dy * a.Y + dz * a.Z;
                    var (px, py, pz) = (dx - t * a.X, dy - t * a.Y, dz - t * a.Z);
                    if (Math.Abs(t) <= l / 2 && px * px + py * py + pz * pz <= r * r)
                    {
                        labels[(z, y, x)] = id;
                        voxels.Add((z, y, x));
                    }
                }
            }
        }

        return labels;
    }
}
