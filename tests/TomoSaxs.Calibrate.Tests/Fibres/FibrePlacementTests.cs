using TomoSaxs.Calibrate.Fibres;
using TomoSaxs.Calibrate.Offset;
using TomoSaxs.Calibrate.Volumes;
using TomoSaxs.Formats.Xlsx;

namespace TomoSaxs.Calibrate.Tests.Fibres;

public class FibrePlacementTests
{
    [Fact]
    public void Sheet_pads_use_the_value_minus_one_convention_and_place_the_traced_corner()
    {
        // Sheet values (x, y, z) = (11, 6, 3) → applied pads 10, 5, 2 fibre voxels of 8.125 µm.
        var padding = new VoxelPadding("IVD_01", new VoxelPads(11, 6, 3), new VoxelPads(4, 4, 4));
        var frame = FibreFrame.FromPadding(padding, new VolumeShape(20, 30, 40), 8.125);
        Assert.Equal((2 * 8.125, 5 * 8.125, 10 * 8.125), frame.OriginUm);
        Assert.Equal(new VolumeShape(2 + 20 + 3, 5 + 30 + 3, 10 + 40 + 3), frame.PaddedShape);
    }

    [Fact]
    public void Origin_and_extent_give_the_pads_of_the_design_note_and_keep_the_exact_origin()
    {
        // Traced volume starts at CT voxel (12, 503, 997) of a 100 × 2560 × 2560 field, 10 × 300 × 250 fibre voxels of scale 5.
        var frame = FibreFrame.FromOriginExtent((12, 503, 997), new VolumeShape(100, 2560, 2560), new VolumeShape(10, 300, 250), 1.625, 5);
        Assert.Equal(new VoxelPads(200, 101, 3), frame.StartPads); // ⌈997/5⌉, ⌈503/5⌉, ⌈12/5⌉
        Assert.Equal(new VoxelPads(62, 111, 7), frame.EndPads);     // ⌊(2560 − 997 − 1250)/5⌋, ⌊(2560 − 503 − 1500)/5⌋, ⌊(100 − 12 − 50)/5⌋
        Assert.Equal((12 * 1.625, 503 * 1.625, 997 * 1.625), frame.OriginUm);
        Assert.Equal(8.125, frame.FibreVoxelUm);
    }

    [Fact]
    public void A_traced_volume_larger_than_the_field_of_view_is_refused_naming_the_axis()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            FibreFrame.FromOriginExtent((0, 0, 2000), new VolumeShape(100, 2560, 2560), new VolumeShape(10, 30, 250), 1.625, 5));
        Assert.Contains("along x", error.Message);
    }

    [Fact]
    public void Placement_lands_every_traced_voxel_within_half_a_fibre_voxel_of_its_true_position()
    {
        // High-res at (3.4, 10.2, 7.9) common voxels of 6.5 µm; traced corner 40.625 µm (5 fibre voxels) into its field.
        var padding = VoxelPadding.FromAppliedPads("s", new VoxelPads(5, 5, 5), new VoxelPads(0, 0, 0));
        var frame = FibreFrame.FromPadding(padding, new VolumeShape(6, 7, 8), 8.125);
        var placement = FibrePlacement.Plan(frame, new Offset3(3.4, 10.2, 7.9), 6.5, new VolumeShape(40, 50, 60));
        Assert.Equal(new VolumeShape(32, 40, 48), placement.Shape); // 40·6.5/8.125 = 32 etc.
        var expectedCorner = (3.4 * 6.5 + 40.625, 10.2 * 6.5 + 40.625, 7.9 * 6.5 + 40.625);
        Assert.Equal(expectedCorner.Item1, placement.CornerUm.Z, 9);
        Assert.Equal((8, 13, 11), placement.Shift); // 62.725/8.125 = 7.72 → 8; 106.925/8.125 = 13.16 → 13; 91.975/8.125 = 11.32 → 11
        Assert.True(Math.Abs(placement.ResidualUm.Z) <= 8.125 / 2 && Math.Abs(placement.ResidualUm.Y) <= 8.125 / 2 && Math.Abs(placement.ResidualUm.X) <= 8.125 / 2);

        // Copy a labelled volume (voxel value = 1 + its flat index) and check every voxel's destination.
        var traced = new ushort[6, 7, 8];
        for (var i = 0; i < traced.Length; i++)
        {
            traced[i / 56, i / 8 % 7, i % 8] = (ushort)(i + 1);
        }

        var writer = new ArraySlabWriter<ushort>(placement.Shape);
        var dropped = VolumePlacement.Place(new ArraySlabReader<ushort>(traced), placement.Shift, placement.Shape, writer, slabDepth: 4);
        Assert.Equal(0, dropped);
        var placed = 0;
        for (var z = 0; z < placement.Shape.Depth; z++)
        {
            for (var y = 0; y < placement.Shape.Height; y++)
            {
                for (var x = 0; x < placement.Shape.Width; x++)
                {
                    var value = writer.Volume[z, y, x];
                    if (value == 0)
                    {
                        continue;
                    }

                    var i = value - 1;
                    Assert.Equal((i / 56 + 8, i / 8 % 7 + 13, i % 8 + 11), (z, y, x));
                    placed++;
                }
            }
        }

        Assert.Equal(traced.Length, placed); // nothing lost, nothing duplicated
    }

    [Fact]
    public void A_placement_partly_outside_the_frame_crops_and_counts_the_lost_voxels()
    {
        var traced = new byte[4, 4, 4];
        for (var i = 0; i < traced.Length; i++)
        {
            traced[i / 16, i / 4 % 4, i % 4] = 7;
        }

        var shape = new VolumeShape(5, 5, 5);
        var writer = new ArraySlabWriter<byte>(shape);
        var dropped = VolumePlacement.Place(new ArraySlabReader<byte>(traced), (-1, 2, 0), shape, writer, slabDepth: 2);
        // Source slice z = 0 lands at −1 (16 voxels lost); in the other 3 slices row y = 3 lands at 5 (4 voxels each).
        Assert.Equal(16 + 3 * 4, dropped);
        Assert.Equal(3 * 3 * 4, writer.Volume.Cast<byte>().Count(v => v == 7));
    }
}
