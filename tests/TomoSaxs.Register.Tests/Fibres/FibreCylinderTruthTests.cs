using System.Globalization;
using TomoSaxs.Register.Fibres;
using TomoSaxs.Register.Tests.Stage;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Fibres;

/// <summary>The cylinders fitted to the example phantom's traced voxels (10 µm fibre voxels, fibres 3–5 voxels
/// across) against the phantom's fibre table.</summary>
[Collection(RegisteredExampleCollection.Name)]
public sealed class FibreCylinderTruthTests(RegisteredExample example, ITestOutputHelper output)
{
    [Fact]
    public void Cylinders_fitted_to_the_traced_voxels_recover_radius_length_and_axis()
    {
        var volumes = example.Volumes;
        var traced = TracedFibreVoxels.Read(volumes.FibreIndex, volumes.Theta, volumes.Phi);
        var placement = example.Calibration.Fibres;
        var residual = placement.ResidualUm;
        var cylinders = FibreCylinderFit.FitAll(traced, placement.FibreVoxelUm, (residual.Z, residual.Y, residual.X));
        var truth = TruthFibres(Path.Combine(example.Phantom.Truth, "fibres.csv"));
        var (radius, length, volume, axis, countVolume) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var voxel3 = Math.Pow(placement.FibreVoxelUm, 3);
        foreach (var (id, cylinder) in cylinders)
        {
            var t = truth[id];
            radius.Add(cylinder.RadiusUm / t.Radius - 1);
            length.Add(cylinder.LengthUm / t.Length - 1);
            volume.Add(cylinder.VolumeUm3 / (Math.PI * t.Radius * t.Radius * t.Length) - 1);
            countVolume.Add(cylinder.VoxelCount * voxel3 / (Math.PI * t.Radius * t.Radius * t.Length) - 1);
            var (ax, ay, az) = TracedFibreVoxels.TracedAxis(t.Alpha, t.Beta);
            axis.Add(Math.Acos(Math.Min(1, Math.Abs(ax * cylinder.Axis.X + ay * cylinder.Axis.Y + az * cylinder.Axis.Z))) * 180 / Math.PI);
        }

        output.WriteLine($"fitted {cylinders.Count} of {traced.FibreIds.Count} traced fibres ({truth.Count} in truth)");
        Report("radius", radius);
        Report("length", length);
        Report("volume", volume);
        Report("voxel-count volume", countVolume);
        output.WriteLine($"axis error: median {Median(axis):F3}°, worst {axis.Max():F3}°");

        // Every traced fibre is straight and gets a cylinder; the fitted volume is closer to the fibre's than its
        // voxel count (measured: median 0.40 % vs 0.55 %, p90 1.08 % vs 1.65 %; at 20 µm voxels 1.80 % vs 2.22 %,
        // 4.90 % vs 7.69 %, within the same bounds).
        Assert.Equal(traced.FibreIds.Count, cylinders.Count);
        Assert.Equal(truth.Count, cylinders.Count);
        Assert.True(Percentile(radius, 0.5) <= 0.015, $"median radius error {Percentile(radius, 0.5):P2}");
        Assert.True(Percentile(length, 1) <= 0.04, $"worst length error {Percentile(length, 1):P2}");
        Assert.True(Percentile(volume, 0.5) <= 0.025, $"median volume error {Percentile(volume, 0.5):P2}");
        Assert.True(Percentile(volume, 0.9) < Percentile(countVolume, 0.9), "the cylinders' volumes are no closer than the voxel counts'");
        Assert.True(Math.Abs(volume.Average()) <= 0.01, $"volume bias {volume.Average():P2}");
        Assert.True(axis.Max() <= 1, $"worst axis error {axis.Max():F2}°");
    }

    private void Report(string name, List<double> errors)
    {
        var abs = errors.Select(Math.Abs).Order().ToArray();
        output.WriteLine($"{name}: median |err| {Median(abs):P2}, p90 {abs[(int)(0.9 * (abs.Length - 1))]:P2}, worst {abs[^1]:P2}, mean {errors.Average():P2}");
    }

    private static double Percentile(List<double> errors, double fraction)
    {
        var abs = errors.Select(Math.Abs).Order().ToArray();
        return abs[(int)Math.Round(fraction * (abs.Length - 1))];
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static Dictionary<int, (double Radius, double Length, double Alpha, double Beta)> TruthFibres(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var (id, radius, length, alpha, beta) = (Column("id"), Column("radius_um"), Column("length_um"), Column("alpha_deg"), Column("beta_deg"));
        return lines.Skip(1).Select(line => line.Split(',')).ToDictionary(
            f => int.Parse(f[id], CultureInfo.InvariantCulture),
            f => (double.Parse(f[radius], CultureInfo.InvariantCulture), double.Parse(f[length], CultureInfo.InvariantCulture),
                double.Parse(f[alpha], CultureInfo.InvariantCulture), double.Parse(f[beta], CultureInfo.InvariantCulture)));
    }
}
