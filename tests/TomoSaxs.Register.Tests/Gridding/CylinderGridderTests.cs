using TomoSaxs.Register.Fibres;
using TomoSaxs.Register.Gridding;
using TomoSaxs.Register.Rotation;

namespace TomoSaxs.Register.Tests.Gridding;

public sealed class CylinderGridderTests
{
    private static readonly BeamRaster Raster = new([.. Enumerable.Range(0, 13).Select(i => 4700.0 + 50 * i)], 100, 60, 1200);

    [Theory]
    [InlineData(30.0, 1, 60.0, 35.0)]
    [InlineData(-67.5, -1, 100.0, 120.0)]
    [InlineData(0.0, 1, 90.0, 0.0)]
    public void Weights_equal_a_brute_force_lattice_sum_of_the_cylinder_in_the_slab(double angleDeg, int sign, double alphaDeg, double betaDeg)
    {
        var axis = TracedFibreVoxels.TracedAxis(alphaDeg, betaDeg);
        var cylinder = new FibreCylinder(7, (110, 60, 300), axis, -160, 140, 18, 0);
        var frame = new AngleFrame(angleDeg, sign);
        (double Y, double X) tubeAxis = (40, 90);
        const double top = 255, bottom = 345, tubeCentre = 5000, voxel = 20;
        var options = new GriddingOptions { MinBeamWeight = 0, ReachSigmas = 6 };

        var grid = CylinderGridder.Grid([cylinder], top, bottom, tubeAxis, frame, tubeCentre, Raster, voxel, options);
        var brute = BruteForce(cylinder, top, bottom, tubeAxis, frame, tubeCentre, voxel, spacingUm: 1);

        var total = brute.Values.Sum();
        Assert.True(total > 1, $"the slab holds {total:F2} voxels of beam weight");
        foreach (var (key, expected) in brute.Where(entry => entry.Value > 0.02 * total))
        {
            var actual = grid.Where(c => c.Path == key.Path && c.AlongBeam == key.K).Sum(c => c.BeamWeight);
            // A 1 µm lattice holds an 18 µm disc's area to about 0.3 %; the cut at the slab adds as much again.
            Assert.True(Math.Abs(actual / expected - 1) < 0.01, $"path {key.Path}, along-beam voxel {key.K}: {actual:F4} vs {expected:F4}");
        }

        Assert.All(grid, c => Assert.Equal(7, c.FibreId));
        Assert.All(grid, c => Assert.Equal(frame.LabBetaDeg(cylinder.BetaDeg), c.BetaDeg, 9));
    }

    [Fact]
    public void Summed_along_the_beam_equals_the_along_beam_pieces_and_nothing_outside_the_slab_counts()
    {
        var cylinder = new FibreCylinder(3, (0, 0, 100), TracedFibreVoxels.TracedAxis(70, 40), -200, 200, 15, 0);
        var frame = new AngleFrame(22.5, -1);
        var resolved = CylinderGridder.Grid([cylinder], 50, 150, (0, 0), frame, 5000, Raster, 20, new GriddingOptions { MinBeamWeight = 0 });
        var summed = CylinderGridder.Grid([cylinder], 50, 150, (0, 0), frame, 5000, Raster, 20, new GriddingOptions { MinBeamWeight = 0, AlongBeamResolved = false });
        Assert.True(resolved.Select(c => c.AlongBeam).Distinct().Count() > 1);
        foreach (var path in summed)
        {
            Assert.Equal(-1, path.AlongBeam);
            Assert.Equal(path.BeamWeight, resolved.Where(c => c.Path == path.Path).Sum(c => c.BeamWeight), 1e-12 * path.BeamWeight);
        }

        Assert.Empty(CylinderGridder.Grid([cylinder], 400, 500, (0, 0), frame, 5000, Raster, 20));
    }

    [Fact]
    public void A_cylinder_across_the_whole_slab_far_from_the_beam_edges_carries_its_volume()
    {
        // A vertical fibre on the middle path with a beam many times its width: weight → volume in the slab.
        var wide = Raster with { FwhmUm = 5000 };
        var cylinder = new FibreCylinder(5, (0, 0, 0), (0, 0, 1), -500, 500, 20, 0);
        var grid = CylinderGridder.Grid([cylinder], -50, 50, (0, 0), new AngleFrame(0, 1), 5000, wide, 20, new GriddingOptions { AlongBeamResolved = false });
        var middle = grid.Single(c => c.Path == 6);
        // exp(−d²/2σ²) ≥ 1 − 5·10⁻⁵ over the fibre (d ≤ 20 µm, σ = 2123 µm).
        Assert.Equal(Math.PI * 20 * 20 * 100 / 8000, middle.BeamWeight, 5e-5 * middle.BeamWeight);
    }

    private static Dictionary<(int Path, int K), double> BruteForce(
        FibreCylinder cylinder, double top, double bottom, (double Y, double X) tubeAxis, AngleFrame frame, double tubeCentre, double voxel, double spacingUm)
    {
        var sigma = Raster.SigmaUm;
        var result = new Dictionary<(int, int), double>();
        var (c, a, r) = (cylinder.CentreUm, cylinder.Axis, cylinder.RadiusUm);
        var reachX = Math.Abs(a.X) * 160 + r;
        var reachY = Math.Abs(a.Y) * 160 + r;
        var cell = spacingUm * spacingUm * spacingUm / (voxel * voxel * voxel);
        for (var z = top + spacingUm / 2; z < bottom; z += spacingUm)
        {
            // Lattice phases away from whole µm, so no lattice plane lies on an end face or an along-beam boundary.
            for (var y = c.Y - reachY + 0.3712 * spacingUm; y <= c.Y + reachY; y += spacingUm)
            {
                for (var x = c.X - reachX + 0.6183 * spacingUm; x <= c.X + reachX; x += spacingUm)
                {
                    var (dx, dy, dz) = (x - c.X, y - c.Y, z - c.Z);
                    var t = dx * a.X + dy * a.Y + dz * a.Z;
                    if (t < cylinder.StartUm || t > cylinder.EndUm)
                    {
                        continue;
                    }

                    var (px, py, pz) = (dx - t * a.X, dy - t * a.Y, dz - t * a.Z);
                    if (px * px + py * py + pz * pz > r * r)
                    {
                        continue;
                    }

                    var (xLab, zLab) = frame.ToLab(x - tubeAxis.X, y - tubeAxis.Y);
                    var k = Math.Clamp((int)Math.Floor((zLab + Raster.AlongBeamWindowUm / 2) / Raster.AlongBeamStepUm), 0, Raster.AlongBeamVoxels - 1);
                    for (var i = 0; i < Raster.PositionsUm.Count; i++)
                    {
                        var d = tubeCentre + xLab - Raster.PositionsUm[i];
                        result[(i, k)] = result.GetValueOrDefault((i, k)) + cell * Math.Exp(-d * d / (2 * sigma * sigma));
                    }
                }
            }
        }

        return result;
    }
}
