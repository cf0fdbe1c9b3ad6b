using System.Globalization;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats.Tiff;
using Xunit.Abstractions;

namespace TomoSaxs.Calibrate.Tests.Stage;

/// <summary>The Calibrate stage on the example phantom against its truth (docs/phantom.md, truth/registration.json).</summary>
[Collection(CalibratedExampleCollection.Name)]
public sealed class CalibrateTruthTests(CalibratedExample example, ITestOutputHelper output)
{
    private double Voxel => example.Result.CommonVoxelUm;

    [Fact]
    public void The_common_voxel_is_the_low_res_voxel_and_the_outputs_have_the_low_res_field_of_view()
    {
        var result = example.Result;
        var shape = example.Truth.RootElement.GetProperty("ct").GetProperty("low_res").GetProperty("shape_zyx").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(example.TruthNumber("ct", "low_res", "voxel_um"), Voxel);
        Assert.Equal(new VolumeShape(shape[0], shape[1], shape[2]), result.CtShape);
        var stack = TiffStack.Open(example.Outputs.CtFolder);
        Assert.Equal(TiffPixelType.Float32, stack.Info.PixelType);
        Assert.Equal(result.CtShape, new VolumeShape(stack.Info.Depth, stack.Info.Height, stack.Info.Width));
        Assert.Equal(result.CtShape.Depth, result.Tube[^1].ZEnd);
        Assert.Equal(result.CtShape.Depth, result.SampleMask.Count);
    }

    [Fact]
    public void The_high_res_offset_is_within_a_hundredth_of_a_voxel_of_truth()
    {
        var truth = (Z: example.TruthNumber("ct", "high_res_offset_um", "dz"), Y: example.TruthNumber("ct", "high_res_offset_um", "dy"),
            X: example.TruthNumber("ct", "high_res_offset_um", "dx"));
        var found = example.Result.HighResOffset.Um;
        var errors = new[] { found.Z - truth.Z, found.Y - truth.Y, found.X - truth.X }.Select(e => e / Voxel).ToArray();
        output.WriteLine($"offset ({found.Z:F2}, {found.Y:F2}, {found.X:F2}) µm vs truth ({truth.Z}, {truth.Y}, {truth.X}) µm: " +
            $"errors (z, y, x) = ({errors[0]:F3}, {errors[1]:F3}, {errors[2]:F3}) voxels of {Voxel} µm; NCC {example.Result.HighResOffset.Ncc:F3}");
        // Measured (2026-11-24, shifted area-average model on a 77 × 232 × 232 native block): errors (0.000, 0.002,
        // 0.004) voxels; with the whole 120 × 360 × 360 scan as the block (-0.000, 0.001, -0.001). The quadratic fit
        // alone gave (0.107, 0.000, -0.022) because the truth z (12.5 voxels) is half a voxel off the grid.
        Assert.All(errors, e => Assert.InRange(Math.Abs(e), 0, 0.01));
        Assert.True(example.Result.HighResOffset.IsReliable);
    }

    [Fact]
    public void The_traced_crop_lands_where_truth_puts_it_and_truth_fibre_centres_carry_their_ids()
    {
        var placement = example.Result.Fibres;
        var fv = placement.FibreVoxelUm;
        var crop = example.Truth.RootElement.GetProperty("fibre_tracing").GetProperty("crop_start_xyz").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var corner = (Z: example.TruthNumber("ct", "high_res_offset_um", "dz") + crop[2] * fv,
            Y: example.TruthNumber("ct", "high_res_offset_um", "dy") + crop[1] * fv,
            X: example.TruthNumber("ct", "high_res_offset_um", "dx") + crop[0] * fv);
        Assert.Equal(example.TruthNumber("fibre_tracing", "padded", "voxel_um"), fv);
        Assert.Equal((corner.Z, corner.Y, corner.X), (placement.Shift.Z * fv, placement.Shift.Y * fv, placement.Shift.X * fv));
        Assert.InRange(Math.Abs(placement.CornerUm.Z - corner.Z), 0, Voxel);
        Assert.InRange(Math.Abs(placement.CornerUm.Y - corner.Y), 0, Voxel);
        Assert.InRange(Math.Abs(placement.CornerUm.X - corner.X), 0, Voxel);

        using var file = CalibrationFile.Open(example.Outputs.Calibration);
        var ids = SubVolume.ReadAll(file.FibreIndex);
        var top = example.TruthNumber("ct", "low_res", "top_height_um");
        var cornerX = example.TruthNumber("ct", "low_res", "corner_x_um");
        var cornerZ = example.TruthNumber("ct", "low_res", "corner_z_um");
        var fibres = File.ReadAllLines(example.Phantom.TruthFile("fibres.csv")).Skip(1).Select(line => line.Split(',')).ToList();
        var (exact, near) = (0, 0);
        foreach (var fibre in fibres)
        {
            double Column(int k) => double.Parse(fibre[k], CultureInfo.InvariantCulture);
            var id = (int)Column(1);
            var (z, y, x) = ((int)Math.Floor((top - Column(4)) / fv), (int)Math.Floor((Column(5) - cornerZ) / fv), (int)Math.Floor((Column(3) - cornerX) / fv));
            exact += ids[z, y, x] == id ? 1 : 0;
            near += Neighbourhood(ids, z, y, x).Contains(id) ? 1 : 0;
        }

        output.WriteLine($"{fibres.Count} truth fibres: centre voxel holds the id for {exact}, its 3 × 3 × 3 neighbourhood for {near}");
        Assert.Equal(fibres.Count, near);
        // The centre voxel's centre lies up to √3·10 µm from the fibre's centre, and the thinnest fibres have a
        // 15 µm radius, so a few centre voxels fall just outside their fibre.
        Assert.True(exact >= 0.9 * fibres.Count, $"{exact} of {fibres.Count}");
    }

    [Fact]
    public void The_tube_circle_of_every_slab_is_within_half_a_pixel_of_truth()
    {
        var top = example.TruthNumber("ct", "low_res", "top_height_um");
        var (cornerX, cornerZ) = (example.TruthNumber("ct", "low_res", "corner_x_um"), example.TruthNumber("ct", "low_res", "corner_z_um"));
        var (x0, z0) = (example.TruthNumber("tube", "centre_at_h0_um", "x"), example.TruthNumber("tube", "centre_at_h0_um", "z"));
        var (tiltX, tiltZ) = (example.TruthNumber("tube", "tilt_per_um", "x"), example.TruthNumber("tube", "tilt_per_um", "z"));
        var radius = example.TruthNumber("tube", "outer_radius_um") / Voxel;
        var (worstCentre, worstRadius) = (0.0, 0.0);
        foreach (var slab in example.Result.Tube)
        {
            // The slab's circle stands for its middle height; the axis drifts by 0.02 µm per µm, 0.3 px over a slab.
            var h = top - 0.5 * (slab.ZStart + slab.ZEnd) * Voxel;
            var col = (x0 + tiltX * h - cornerX) / Voxel - 0.5;
            var row = (z0 + tiltZ * h - cornerZ) / Voxel - 0.5;
            var centreError = Math.Sqrt(Math.Pow(slab.Circle.CentreRow - row, 2) + Math.Pow(slab.Circle.CentreCol - col, 2));
            worstCentre = Math.Max(worstCentre, centreError);
            worstRadius = Math.Max(worstRadius, Math.Abs(slab.Circle.RadiusPx - radius));
        }

        output.WriteLine($"{example.Result.Tube.Count} slabs: worst centre error {worstCentre:F3} px, worst radius error {worstRadius:F3} px (tolerance 0.5 px)");
        Assert.InRange(worstCentre, 0, 0.5);
        Assert.InRange(worstRadius, 0, 0.5);
    }

    [Fact]
    public void The_sample_mask_covers_the_truth_disc_at_every_disc_slice()
    {
        var top = example.TruthNumber("ct", "low_res", "top_height_um");
        var height = example.Phantom.Plan.Spec.Sample.DiscHeightUm;
        var sample = example.Phantom.Plan.Spec.Sample;
        var worst = 0.0;
        var checkedSlices = 0;
        foreach (var slice in example.Result.SampleMask)
        {
            var h = top - (slice.Z + 0.5) * Voxel;
            // Slices within a voxel of an endplate mix disc and bone; the vertebrae share the endplate outline.
            if (h < Voxel || h > height - Voxel)
            {
                continue;
            }

            var u = h / height;
            var bulge = 1 + 4 * sample.Bulge * u * (1 - u);
            var area = Math.PI * sample.OuterSemiAxesUm.X * sample.OuterSemiAxesUm.Z * bulge * bulge;
            var relative = (slice.Pixels * Voxel * Voxel - area) / area;
            worst = Math.Max(worst, Math.Abs(relative));
            checkedSlices++;
            Assert.True(slice.HasSample, $"slice {slice.Z}");
        }

        output.WriteLine($"{checkedSlices} disc slices: worst mask area error {worst:P2} of the truth ellipse (tolerance 4 %)");
        Assert.True(checkedSlices > 40);
        // One pixel along the outline is 16 µm × 2π·1250 µm ≈ 2.6 % of the disc's area: the tolerance allows the
        // partial-volume voxels of the outline to go either way plus the opening/closing's rounding of it.
        Assert.InRange(worst, 0, 0.04);
    }

    [Fact]
    public void The_ct_map_has_one_row_per_slice_and_its_steepest_step_is_at_the_upper_endplate()
    {
        var map = example.Result.CtMap;
        Assert.Equal(example.Result.CtShape.Depth, map.GetLength(0));
        Assert.Equal(example.Result.CtShape.Width, map.GetLength(1));
        var image = MultiPageTiff.ReadImage<float>(example.Outputs.CtMap);
        Assert.Equal(map.GetLength(0), image.GetLength(0));
        Assert.Equal((float)map[30, 145], image[30, 145]);

        // Profile over the columns the disc spans (the middle third), so the tube walls do not dominate.
        var width = map.GetLength(1);
        var profile = Enumerable.Range(0, map.GetLength(0))
            .Select(z => Enumerable.Range(width / 3, width / 3).Average(c => map[z, c])).ToArray();
        var fiducial = example.TruthNumber("fiducial", "ct_low_res_z");
        var half = map.GetLength(0) / 2;
        var steepest = Enumerable.Range(0, half).MaxBy(z => Math.Abs(profile[z + 1] - profile[z]));
        // The endplate lies inside slice ⌊18.75⌋ = 18; with three quarters of it bone the big step follows it.
        Assert.Equal((int)Math.Floor(fiducial), steepest);
        // Sub-voxel: the edge is where slice 18's share of bone (in the inverted map, of the low level) ends. The
        // phantom samples each CT voxel at its centre (no partial volume), so the face at 18.75 shows as the voxel
        // boundary 19 in the low-res scan: half a voxel of quantisation is the tolerance.
        var (bone, disc) = (profile[steepest - 1], profile[steepest + 1]);
        var edge = steepest + (profile[steepest] - disc) / (bone - disc);
        output.WriteLine($"upper endplate edge at z = {edge:F3} voxels vs truth {fiducial} (tolerance 0.5: centre-sampled voxels)");
        Assert.InRange(Math.Abs(edge - fiducial), 0, 0.5);
    }

    private static IEnumerable<int> Neighbourhood(int[,,] ids, int z, int y, int x)
    {
        for (var dz = -1; dz <= 1; dz++)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    var (k, j, i) = (z + dz, y + dy, x + dx);
                    if (k >= 0 && j >= 0 && i >= 0 && k < ids.GetLength(0) && j < ids.GetLength(1) && i < ids.GetLength(2))
                    {
                        yield return ids[k, j, i];
                    }
                }
            }
        }
    }
}
