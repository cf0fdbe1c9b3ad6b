using TomoSaxs.Register.Gridding;
using TomoSaxs.Register.Rotation;
using TomoSaxs.Register.Tests.Support;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Gridding;

public class BeamPathGridderTests(ITestOutputHelper output)
{
    private const double Voxel = 8, Step = 50;
    private static readonly double[] Angles = [-90, -67.5, -45, -22.5, 0, 22.5, 45, 67.5, 90];

    /// <summary>The tube centre's raster coordinate at each angle (the tube is off the rotation axis: it wanders).</summary>
    private static double TubeCentreAt(double angle) => 10_000 + 130 * Math.Sin(angle * Math.PI / 180 + 0.4);

    /// <summary>A raster of 50 µm steps covering the tube at every angle (motor x 7600 … 12 400).</summary>
    private static BeamRaster Raster() =>
        BeamRaster.WithStepDefaults([.. Enumerable.Range(0, 97).Select(i => 7_600 + Step * i)], windowUm: 4_000);

    private static FibrePointCloud Cloud(FibreScene scene) =>
        FibrePointCloud.FromVolumes(scene.Ids, scene.Alpha, scene.Beta, 0, scene.Ids.GetLength(0), scene.Voxel, scene.TubeCentreUm);

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void A_fibre_lands_in_the_beam_path_its_rotated_azimuth_puts_it_in(int sign)
    {
        // A short fibre 900 µm from the tube axis at sample azimuth 30° (measured like β: from +w towards +u).
        // Rotating the sample by θ turns every azimuth by s·θ (DESIGN §5), so at angle θ the fibre is at raster
        // coordinate 900·sin(30° + s·θ) from the tube centre. With the sign flipped it would be at
        // 900·sin(30° − s·θ): up to 900·√3 ≈ 1559 µm (31 paths) away, so a flipped sign fails this test.
        var (rho, psi) = (900.0, 30.0);
        var u = rho * Math.Sin(psi * Math.PI / 180);
        var w = rho * Math.Cos(psi * Math.PI / 180);
        var scene = new FibreScene([new Fibre(7, u, w, 24, 90, 0, 40, 12)], depth: 6, size: 500, Voxel, (2_000, 2_000));
        var cloud = Cloud(scene);
        var raster = Raster();
        foreach (var angle in Angles)
        {
            var grid = BeamPathGridder.Grid(cloud, new AngleFrame(angle, sign), TubeCentreAt(angle), raster);
            var expectedX = TubeCentreAt(angle) + rho * Math.Sin((psi + sign * angle) * Math.PI / 180);
            var expectedPath = (int)Math.Round((expectedX - 7_600) / Step);
            var busiest = grid.Crossings.Where(c => c.FibreId == 7).GroupBy(c => c.Path).MaxBy(g => g.Sum(c => c.VoxelCount))!.Key;
            var flippedX = TubeCentreAt(angle) + rho * Math.Sin((psi - sign * angle) * Math.PI / 180);
            output.WriteLine($"s = {sign}, θ = {angle}: path {busiest}, expected {expectedPath} (a flipped sign would give {(int)Math.Round((flippedX - 7_600) / Step)})");
            Assert.Equal(expectedPath, busiest);
        }
    }

    [Fact]
    public void Every_fibre_keeps_its_identity_and_all_its_voxels_at_every_angle()
    {
        var random = new Random(21);
        var fibres = Enumerable.Range(1, 40).Select(id =>
        {
            var (rho, psi) = (1_500 * Math.Sqrt(random.NextDouble()), 360 * random.NextDouble());
            return new Fibre(id * 3 + 1000, rho * Math.Sin(psi * Math.PI / 180), rho * Math.Cos(psi * Math.PI / 180), 24,
                60 + 60 * random.NextDouble(), 360 * random.NextDouble(), 100 + 300 * random.NextDouble(), 10 + 10 * random.NextDouble());
        }).ToList();
        var scene = new FibreScene(fibres, depth: 6, size: 500, Voxel, (2_003, 1_996));
        var truth = scene.VoxelCounts();
        var cloud = Cloud(scene);
        Assert.Equal(40, truth.Count); // every fibre has voxels in the slab
        foreach (var angle in Angles)
        {
            var grid = BeamPathGridder.Grid(cloud, new AngleFrame(angle, -1), TubeCentreAt(angle), Raster());
            Assert.Equal(0, grid.PointsOutsideRaster);
            var counts = grid.Crossings.GroupBy(c => c.FibreId).ToDictionary(g => g.Key, g => g.Sum(c => c.VoxelCount));
            Assert.Equal(truth.Keys.Order(), counts.Keys.Order());
            foreach (var (id, count) in truth)
            {
                Assert.Equal(count, counts[id]);
            }
        }
    }

    [Theory]
    [InlineData(22.5, -1)]
    [InlineData(-67.5, 1)]
    public void Beam_weights_match_the_analytic_gaussian_overlap_within_five_percent(double angle, int sign)
    {
        // A horizontal fibre bundle (α = 90°), radius 40 µm (5 voxels), length 600 µm, at sample azimuth 60°.
        var fibre = new Fibre(5, 200, -300, 48, 90, 60, 600, 40);
        var scene = new FibreScene([fibre], depth: 12, size: 500, Voxel, (2_000, 2_000));
        var raster = Raster();
        var frame = new AngleFrame(angle, sign);
        var grid = BeamPathGridder.Grid(Cloud(scene), frame, TubeCentreAt(angle), raster);
        var measured = grid.Crossings.GroupBy(c => c.Path).ToDictionary(g => g.Key, g => g.Sum(c => c.BeamWeight));

        // Truth: (1/voxel³)∫ over the cylinder of exp(−(X − X_i)²/2σ²). X depends on the position t along the axis and
        // the horizontal offset ρ across it only: X = X_c + t·sin β′ + ρ·cos β′ with β′ = β + s·θ, and the cylinder's
        // cross-section at ρ is 2√(r² − ρ²) high.
        var sigma = raster.SigmaUm;
        var betaLab = (fibre.BetaDeg + sign * angle) * Math.PI / 180;
        var centre = TubeCentreAt(angle) + frame.ToLab(fibre.U, fibre.W).X;
        double Truth(double xPath)
        {
            const int n = 400;
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var t = -fibre.Length / 2 + (i + 0.5) * fibre.Length / n;
                for (var j = 0; j < n; j++)
                {
                    var rho = -fibre.Radius + (j + 0.5) * 2 * fibre.Radius / n;
                    var x = centre + t * Math.Sin(betaLab) + rho * Math.Cos(betaLab);
                    sum += 2 * Math.Sqrt(fibre.Radius * fibre.Radius - rho * rho) * Math.Exp(-(x - xPath) * (x - xPath) / (2 * sigma * sigma));
                }
            }

            return sum * (fibre.Length / n) * (2 * fibre.Radius / n) / (Voxel * Voxel * Voxel);
        }

        // Paths further than half the fibre's length + its radius + 6σ from its centre see nothing.
        var truths = Enumerable.Range(0, raster.PositionsUm.Count)
            .Where(i => Math.Abs(raster.PositionsUm[i] - centre) < fibre.Length / 2 + fibre.Radius + 6 * sigma)
            .ToDictionary(i => i, i => Truth(raster.PositionsUm[i]));
        var largest = truths.Values.Max();
        var worst = 0.0;
        foreach (var (path, truth) in truths.Where(t => t.Value > 0.05 * largest))
        {
            var relative = Math.Abs(measured.GetValueOrDefault(path) - truth) / truth;
            worst = Math.Max(worst, relative);
        }

        output.WriteLine($"θ = {angle}, s = {sign}: {truths.Count(t => t.Value > 0.05 * largest)} paths above 5 % of the peak; worst relative weight error {worst:P2} (tolerance 5 %); " +
            $"total weight {measured.Values.Sum():F1} vs {truths.Values.Sum():F1} voxels");
        Assert.True(worst <= 0.05, $"worst relative error {worst:P2}");
    }

    [Fact]
    public void Alpha_and_beta_at_the_rotated_angle_are_within_one_degree_and_agree_with_the_rotated_points()
    {
        var fibres = new[]
        {
            new Fibre(1, -400, 250, 24, 90, 35, 500, 12),
            new Fibre(2, 600, -100, 24, 75, 200, 400, 12),
            new Fibre(3, 100, 700, 24, 80, 310, 450, 12),
        };
        var scene = new FibreScene(fibres, depth: 6, size: 500, Voxel, (2_000, 2_000));
        var cloud = Cloud(scene);
        var worstTraced = 0.0;
        var worstGeometric = 0.0;
        foreach (var angle in Angles)
        {
            var frame = new AngleFrame(angle, -1);
            var grid = BeamPathGridder.Grid(cloud, frame, TubeCentreAt(angle), Raster(), new GriddingOptions { AlongBeamResolved = false });
            foreach (var fibre in fibres)
            {
                var entries = grid.Crossings.Where(c => c.FibreId == fibre.Id && c.VoxelCount > 0).ToList();
                var expectedBeta = ((fibre.BetaDeg - angle) % 360 + 360) % 360;
                foreach (var entry in entries)
                {
                    worstTraced = Math.Max(worstTraced, Math.Max(Math.Abs(entry.AlphaDeg - fibre.AlphaDeg), AngleDifference(entry.BetaDeg, expectedBeta, 360)));
                }

                // The lab azimuth of the fibre's rotated voxels (principal axis in the X–Z plane) must be the reported β.
                var points = Enumerable.Range(0, cloud.Count).Where(p => cloud.FibreId[p] == fibre.Id).Select(p => frame.ToLab(cloud.U[p], cloud.W[p])).ToList();
                var (mx, mz) = (points.Average(p => p.X), points.Average(p => p.Z));
                var (sxx, szz, sxz) = (points.Sum(p => (p.X - mx) * (p.X - mx)), points.Sum(p => (p.Z - mz) * (p.Z - mz)), points.Sum(p => (p.X - mx) * (p.Z - mz)));
                var principal = 0.5 * Math.Atan2(2 * sxz, szz - sxx) * 180 / Math.PI; // azimuth from +Z towards +X
                worstGeometric = Math.Max(worstGeometric, AngleDifference(principal, entries[0].BetaDeg, 180));
            }
        }

        output.WriteLine($"worst |α − α_true|, |β − (β_true + s·θ)| {worstTraced:F3}° (tolerance 1°); worst β vs the rotated voxels' axis {worstGeometric:F3}° (tolerance 1°)");
        Assert.True(worstTraced <= 1.0);
        Assert.True(worstGeometric <= 1.0);
    }

    [Fact]
    public void The_legacy_window_gives_no_weight_beyond_one_and_a_half_sigma()
    {
        var scene = new FibreScene([new Fibre(9, 0, 0, 24, 0, 0, 30, 6)], depth: 6, size: 500, Voxel, (2_000, 2_000)); // a vertical fibre on the axis
        var raster = Raster();
        var grid = BeamPathGridder.Grid(Cloud(scene), new AngleFrame(0, -1), 10_000, raster, new GriddingOptions { LegacyWindowSigmas = 1.5 });
        var reach = 1.5 * raster.SigmaUm + 6 + Voxel;
        Assert.All(grid.Crossings, c => Assert.True(Math.Abs(raster.PositionsUm[c.Path] - 10_000) <= reach));
        Assert.Contains(grid.Crossings, c => c.Path == 48 && c.VoxelCount > 0); // 7600 + 48·50 = 10 000
    }

    [Fact]
    public void The_rotation_sign_must_be_plus_or_minus_one()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AngleFrame(10, 0));
        Assert.Contains("+1 or −1", error.Message);
    }

    private static double AngleDifference(double a, double b, double period)
    {
        var d = ((a - b) % period + period) % period;
        return Math.Min(d, period - d);
    }
}
