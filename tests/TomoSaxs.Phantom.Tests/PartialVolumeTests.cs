using Xunit.Abstractions;

namespace TomoSaxs.Phantom.Tests;

/// <summary>The CT's grey values are partial-volume means of the materials inside each voxel (noise off).</summary>
public sealed class PartialVolumeTests(ITestOutputHelper output)
{
    private const double Voxel = 20;

    private static readonly Lazy<GeneratedScan> Planned = new(() => new GeneratedScan(TinyScan.Yaml(seed: 21, ctNoise: 0), generate: false));

    private static PhantomPlan Plan => Planned.Value.Plan;

    private static CtGrey Grey => Plan.Spec.Ct.Grey;

    /// <summary>A 3 × 3-voxel grid centred laterally on the disc's centre (the nucleus: tissue without fibres) with its top face at <paramref name="top"/>.</summary>
    private static VoxelGrid AtDiscCentre(double top, int slices)
    {
        var centre = Plan.Geometry.DiscOutline(Plan.Geometry.DiscHeight).CentreX;
        var centreZ = Plan.Geometry.DiscOutline(Plan.Geometry.DiscHeight).CentreZ;
        return new VoxelGrid(Voxel, slices, 3, 3, centre - 1.5 * Voxel, centreZ - 1.5 * Voxel, top);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.85)]
    public void A_voxel_straddling_the_flat_endplate_gets_the_volume_weighted_mean_grey(double boneFraction)
    {
        // Slice 0 spans the upper endplate with the given fraction of its height above it (bone), the rest disc tissue.
        var grid = AtDiscCentre(Plan.Geometry.DiscHeight + boneFraction * Voxel, 2);
        var expected = boneFraction * Grey.Bone + (1 - boneFraction) * Grey.Tissue;
        var mean = PartialVolume.MeanGrey(Plan, grid, 0);
        output.WriteLine($"bone fraction {boneFraction}: mean grey {mean[4]:F3}, expected {expected:F3}");
        Assert.Equal(expected, mean[4], 1e-6);
        Assert.Equal((ushort)Math.Round(expected), CtVolume.Slice(Plan, grid, "test", 0)[1, 1]);
    }

    [Fact]
    public void A_voxel_inside_one_material_is_exactly_that_materials_grey()
    {
        // Slice 1 lies wholly in the vertebra, one voxel above the endplate; slice 3 wholly in the nucleus.
        var bone = AtDiscCentre(Plan.Geometry.DiscHeight + 2 * Voxel, 3);
        Assert.Equal(Grey.Bone, CtVolume.Slice(Plan, bone, "test", 1)[1, 1]);
        var tissue = AtDiscCentre(Plan.Geometry.DiscHeight - 2 * Voxel, 5);
        Assert.Equal(Grey.Tissue, CtVolume.Slice(Plan, tissue, "test", 2)[1, 1]);
        // Air outside the tube, at the low-res grid's first corner.
        Assert.Equal(Grey.Air, CtVolume.Slice(Plan, Plan.Ct.Low, "test", 0)[0, 0]);
    }

    [Fact]
    public void A_voxel_cut_by_a_fibre_surface_gets_the_fibres_volume_fraction_of_fibre_grey()
    {
        var checkedFibres = 0;
        foreach (var fibre in Plan.Fibres.Where((_, k) => k % 7 == 0).Take(5))
        {
            // The voxel centred on the fibre's surface, beside its middle: about half of it is fibre.
            var (ax, ah, az) = fibre.Axis;
            var (ux, uh, uz) = (az, 0.0, -ax);
            var norm = Math.Sqrt(ux * ux + uz * uz);
            if (norm < 1e-6)
            {
                (ux, uh, uz, norm) = (1, 0, 0, 1);
            }

            var r = fibre.RadiusUm / norm;
            var (px, ph, pz) = (fibre.CentreX + r * ux, fibre.CentreH + r * uh, fibre.CentreZ + r * uz);
            var grid = new VoxelGrid(Voxel, 1, 1, 1, px - Voxel / 2, pz - Voxel / 2, ph + Voxel / 2);
            var brute = BruteForceMean(grid, 40);
            var mean = PartialVolume.MeanGrey(Plan, grid, 0)[0];
            output.WriteLine($"fibre {fibre.Id} (α {fibre.AlphaDeg:F0}°, radius {fibre.RadiusUm:F1} µm): quadrature {mean:F1}, brute force (40³) {brute:F1}");
            Assert.InRange(brute, Grey.Tissue + 0.2 * (Grey.Fibre - Grey.Tissue), Grey.Fibre - 0.2 * (Grey.Fibre - Grey.Tissue));
            // The 4 × 4 × 4 midpoint rule on a curved surface: within 5 % of the fibre-tissue contrast.
            Assert.Equal(brute, mean, 0.05 * (Grey.Fibre - Grey.Tissue));
            checkedFibres++;
        }

        Assert.Equal(5, checkedFibres);
    }

    [Fact]
    public void Slices_agree_with_a_brute_force_mean_on_every_voxel_of_a_low_res_slice()
    {
        // A low-res slice through the disc against brute-force 8³ means (all mixed voxels, every third row of the rest).
        // The midpoint rule places an edge to within 1/(2n) voxel, so the two can differ by up to 1/8 + 1/16 of the
        // slice's largest contrast, Kapton against air.
        var grid = Plan.Ct.Low;
        var slice = (int)Math.Floor(grid.SliceOf(Plan.Geometry.DiscHeight / 2));
        var mean = PartialVolume.MeanGrey(Plan, grid, slice);
        var (worst, mixed) = (0.0, 0);
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                var voxel = new VoxelGrid(grid.VoxelUm, 1, 1, 1, grid.CornerX + column * grid.VoxelUm, grid.CornerZ + row * grid.VoxelUm, grid.H(slice) + grid.VoxelUm / 2);
                var value = mean[row * grid.Columns + column];
                if (!IsPure(value))
                {
                    mixed++;
                }

                if (row % 3 == 0 || !IsPure(value))
                {
                    worst = Math.Max(worst, Math.Abs(value - BruteForceMean(voxel, 8)));
                }
            }
        }

        output.WriteLine($"slice {slice} of {grid.Rows} × {grid.Columns}: {mixed} mixed voxels, worst |quadrature − brute force| {worst:F1} grey");
        Assert.True(mixed > 0);
        Assert.InRange(worst, 0, 3.0 / 16 * (Grey.Kapton - Grey.Air));
    }

    private static bool IsPure(double value) =>
        value == Grey.Air || value == Grey.Kapton || value == Grey.Buffer || value == Grey.Tissue || value == Grey.Fibre || value == Grey.Bone;

    /// <summary>The mean grey of voxel 0 of a one-voxel grid by n³ midpoint samples, each classed as the CT does.</summary>
    private static double BruteForceMean(VoxelGrid grid, int n)
    {
        var table = CtClasses.GreyTable(Grey);
        var cylinders = Plan.Fibres.Select(f => new FibreCylinder(f)).ToArray();
        var sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            var h = grid.TopHeight - (k + 0.5) / n * grid.VoxelUm;
            var layer = Plan.Geometry.LayerAt(h);
            for (var i = 0; i < n; i++)
            {
                var x = grid.CornerX + (i + 0.5) / n * grid.VoxelUm;
                for (var j = 0; j < n; j++)
                {
                    var z = grid.CornerZ + (j + 0.5) / n * grid.VoxelUm;
                    var material = layer.MaterialAt(x, z);
                    sum += table[(int)CtClasses.Of(material, material == Material.Tissue && cylinders.Any(c => c.Contains(x, h, z)))];
                }
            }
        }

        return sum / (n * n * n);
    }
}
