using TomoSaxs.Correct.Chamber;
using TomoSaxs.Correct.Matching;

namespace TomoSaxs.Correct.Tests;

public class ChamberAndMatchingTests
{
    [Fact]
    public void Tube_chord_is_the_true_chord_in_micrometres()
    {
        var tube = ChamberGeometry.Tube(6000, 125);
        Assert.Equal(2 * 2875, tube.InnerChordUm(0), 9);
        Assert.Equal(2 * Math.Sqrt(2875.0 * 2875 - 1000.0 * 1000), tube.InnerChordUm(-1000), 9);
        Assert.Equal(0, tube.InnerChordUm(2900));
        Assert.False(tube.Contains(2875));
        var cuboid = new ChamberGeometry(ChamberKind.KaptonCuboid, 2875, 3000);
        Assert.Equal(3000, cuboid.InnerChordUm(-2000));
        Assert.True(cuboid.Contains(1e6));
        Assert.True(new ChamberGeometry(ChamberKind.None, 0, 0).Contains(1e6));
    }

    [Fact]
    public void Matching_interpolates_between_the_two_nearest_offsets()
    {
        double[] offsets = [300, 200, 100, 0, -100];
        var inside = OffsetMatch.Find(offsets, 130);
        Assert.Equal((2, 1, 0.3, true), (inside.Lower, inside.Upper, Math.Round(inside.UpperWeight, 12), inside.Covered));
        Assert.Equal(130, inside.OffsetUm(offsets), 9);
        var exact = OffsetMatch.Find(offsets, 0);
        Assert.Equal((3, 3, 0.0, true), (exact.Lower, exact.Upper, exact.UpperWeight, exact.Covered));
        var beyond = OffsetMatch.Find(offsets, 450);
        Assert.Equal((0, 0, false), (beyond.Lower, beyond.Upper, beyond.Covered));
    }
}
