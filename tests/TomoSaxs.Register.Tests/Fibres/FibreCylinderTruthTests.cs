using System.Globalization;
using TomoSaxs.Register.Fibres;
using TomoSaxs.Register.Tests.Stage;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Fibres;

/// <summary>The cylinders fitted to the example phantom's traced voxels (20 µm fibre voxels, fibres 1.5–2.5 voxels
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
        Assert.Equal(traced.FibreIds.Count, cylinders.Count);
    }

    private void Report(string name, List<double> errors)
    {
        var abs = errors.Select(Math.Abs).Order().ToArray();
        output.WriteLine($"{name}: median |err| {Median(abs):P2}, p90 {abs[(int)(0.9 * (abs.Length - 1))]:P2}, worst {abs[^1]:P2}, mean {errors.Average():P2}");
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

[Collection(RegisteredExampleCollection.Name)]
public sealed class CylinderWeightDiagnostics(RegisteredExample example, ITestOutputHelper output)
{
    [Fact]
    public void Diagnose()
    {
        var truth = example.Truth;
        var offset = truth.FiducialMotorYUm - truth.FiducialCtZ * truth.LowResVoxelUm;
        output.WriteLine($"auto offset {example.Result.Vertical.OffsetUm:F2} truth {offset:F2}");
        var result = TomoSaxs.Register.Stage.Registration.Compute(example.With($"register.vertical_offset_um={offset.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        var figures = AcceptanceFigures.Measure(result, truth, example.Calibration.CommonVoxelUm, example.Calibration.Fibres.Shift.Z - truth.CropStartXyz.Z);
        foreach (var line in figures.Lines())
        {
            output.WriteLine(line);
        }

        for (var a = 0; a < 9; a += 4)
        {
            for (var j = 0; j < 4; j++)
            {
                var mine = PathComparison.ByPath(result.Crossings[a, j]);
                var totals = new Dictionary<int, (double Mine, double Truth, double MineX, double TruthX)>();
                for (var i = 0; i < truth.Positions; i++)
                {
                    foreach (var c in truth.Path(a, j, i))
                    {
                        var t = totals.GetValueOrDefault(c.FibreId);
                        totals[c.FibreId] = (t.Mine, t.Truth + c.Weight, t.MineX, t.TruthX + c.Weight * i);
                    }

                    if (mine.TryGetValue(i, out var path))
                    {
                        foreach (var (id, m) in path)
                        {
                            var t = totals.GetValueOrDefault(id);
                            totals[id] = (t.Mine + m.Weight, t.Truth, t.MineX + m.Weight * i, t.TruthX);
                        }
                    }
                }

                foreach (var (id, t) in totals.Where(t => t.Value.Truth > 5).Take(6))
                {
                    output.WriteLine($"a{a} s{j} fibre {id}: total {t.Mine:F2} vs {t.Truth:F2} ({t.Mine / t.Truth - 1:P1}); centroid path {t.MineX / t.Mine:F3} vs {t.TruthX / t.Truth:F3}");
                }
            }
        }
    }
}
