using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Register.Gridding;
using TomoSaxs.Register.Horizontal;
using TomoSaxs.Register.Rotation;
using TomoSaxs.Register.Tests.Support;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Chain;

/// <summary>
/// The kernels composed as the stages will compose them, with the conventions between them: the tube circle
/// fitted in CT pixels (Calibrate) becomes the axis of the fibre points in µm, the tube centre at each angle
/// comes from the Kapton walls in that angle's frame sums, and the fibre must land in the beam path its true
/// position predicts.
/// </summary>
public class KernelChainTests(ITestOutputHelper output)
{
    private const double CtVoxel = 10, FibreVoxel = 12.5, Step = 25;

    [Fact]
    public void Fitted_tube_centre_and_kapton_walls_put_a_fibre_in_its_true_beam_path_at_every_angle()
    {
        // CT: the tube (outer radius 100 px = 1000 µm, wall 6 px) centred at pixel (118.6, 121.3).
        var truthPx = (Row: 118.6, Col: 121.3);
        var slice = CtSlice(truthPx);
        var circle = TubeCircleFinder.FitSlice(slice);
        // Pixel (r, c) is centred at ((r + ½)·v, (c + ½)·v) µm in the calibrated frame.
        var fittedUm = ((circle.CentreRow + 0.5) * CtVoxel, (circle.CentreCol + 0.5) * CtVoxel);
        var truthUm = ((truthPx.Row + 0.5) * CtVoxel, (truthPx.Col + 0.5) * CtVoxel);

        // Fibre tracing on its own 12.5 µm grid: a short fibre 400 µm along columns and −250 µm along rows from the true axis.
        var (u, w) = (400.0, -250.0);
        var scene = new FibreScene([new Fibre(42, u, w, 25, 90, 10, 30, 15)], depth: 4, size: 192, FibreVoxel, truthUm);
        var cloud = FibrePointCloud.FromVolumes(scene.Ids, scene.Alpha, scene.Beta, 0, 4, FibreVoxel, fittedUm);

        var positions = Enumerable.Range(0, 113).Select(i => 3_600 + Step * i).ToArray();
        var raster = BeamRaster.WithStepDefaults(positions, windowUm: 2_000);
        var worst = 0.0;
        foreach (var angle in new[] { -90, -67.5, -45, -22.5, 0, 22.5, 45, 67.5, 90 })
        {
            // The tube axis is off the rotation axis, so its raster coordinate moves with the angle.
            var centreTruth = 5_000 + 80 * Math.Sin(angle * Math.PI / 180) + 3.7;
            var walls = KaptonWalls.Find(FrameSums(positions, centreTruth, seed: (int)angle + 100), positions,
                new KaptonWallOptions { ExpectedSeparationUm = 1_880 });
            var frame = new AngleFrame(angle, -1);
            var grid = BeamPathGridder.Grid(cloud, frame, walls.CentreUm, raster);
            var expectedX = centreTruth + frame.ToLab(u, w).X;
            var expectedPath = (int)Math.Round((expectedX - positions[0]) / Step);
            var busiest = grid.Crossings.GroupBy(c => c.Path).MaxBy(g => g.Sum(c => c.VoxelCount))!.Key;
            worst = Math.Max(worst, Math.Abs(walls.CentreUm - centreTruth));
            output.WriteLine($"θ = {angle}: wall centre error {walls.CentreUm - centreTruth:F2} µm; path {busiest} (expected {expectedPath}, " +
                $"true position {(expectedX - positions[0]) / Step - expectedPath:F2} steps from its centre)");
            // A fibre whose true centre lies within a tenth of a step of the border between two paths may fill
            // either of them most; anywhere else it must be the nearest path.
            var offset = (expectedX - positions[0]) / Step - expectedPath;
            var acceptable = Math.Abs(offset) > 0.4 ? new[] { expectedPath, expectedPath + Math.Sign(offset) } : [expectedPath];
            Assert.Contains(busiest, acceptable);
        }

        output.WriteLine($"tube circle error {Math.Sqrt(Math.Pow(fittedUm.Item1 - truthUm.Item1, 2) + Math.Pow(fittedUm.Item2 - truthUm.Item2, 2)):F2} µm; worst wall-centre error {worst:F2} µm (step {Step} µm)");
        Assert.True(worst <= Step / 2);
    }

    private static float[,] CtSlice((double Row, double Col) centre)
    {
        var gaussian = Noise.Gaussian(3);
        var slice = new float[240, 240];
        for (var r = 0; r < 240; r++)
        {
            for (var c = 0; c < 240; c++)
            {
                var sum = 0.0;
                for (var i = 0; i < 4; i++)
                {
                    for (var j = 0; j < 4; j++)
                    {
                        var d = Math.Sqrt(Math.Pow(r - 0.5 + (i + 0.5) / 4 - centre.Row, 2) + Math.Pow(c - 0.5 + (j + 0.5) / 4 - centre.Col, 2));
                        sum += d > 100 ? 20 : d > 94 ? 180 : d < 50 ? 200 : 60;
                    }
                }

                slice[r, c] = (float)(sum / 16 + 8 * gaussian());
            }
        }

        return slice;
    }

    /// <summary>Frame sums: the beam-averaged Kapton chord (outer 1000 µm, inner 940 µm) plus a sample inside and noise.</summary>
    private static double[] FrameSums(double[] positions, double centre, int seed)
    {
        var gaussian = Noise.Gaussian(seed);
        var sigma = Step / 2.3548;
        return [.. positions.Select(x => 10 + 2 * gaussian() + Chords.BeamAverage(
            t => Chords.Annulus(1_000, 940, t - centre) + 0.3 * Chords.Disc(500, t - centre), x, sigma))];
    }
}
