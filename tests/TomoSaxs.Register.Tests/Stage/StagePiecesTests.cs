using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Register.Gridding;
using TomoSaxs.Register.Stage;
using TomoSaxs.Scan;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>The small pieces of the Register computation on hand-made numbers.</summary>
public sealed class StagePiecesTests
{
    [Fact]
    public void Tube_axis_interpolates_between_slab_mid_heights_and_holds_beyond_them()
    {
        var axis = new CtTubeAxis([
            new TubeSlab(10, 20, TubeCircle.Pinned(100, 200, 125)),
            new TubeSlab(0, 10, TubeCircle.Pinned(90, 190, 125)),
        ]);

        Assert.Equal((90.0, 190.0), axis.CentrePx(2));
        Assert.Equal((95.0, 195.0), axis.CentrePx(10));
        Assert.Equal((100.0, 200.0), axis.CentrePx(19));
        // µm: pixel centres at (index + ½)·voxel.
        Assert.Equal((95.5 * 16, 195.5 * 16), axis.CentreUm(10 * 16, 16));
    }

    [Fact]
    public void Automatic_sizes_follow_the_raster_and_the_tube()
    {
        var geometry = new ScanGeometry(4000, 125, -1, 1);
        var automatic = new RegisterParameters(
            AutoOrNumber.Auto, AutoOrNumber.Of(1), 0, AutoOrNumber.Auto, AutoOrNumber.Auto, AutoOrNumber.Auto, AutoOrNumber.Auto,
            null, "rotation", AutoOrNumber.Auto, 0.3, 0.001, 5, true);

        var settings = RegistrationSettings.Resolve(automatic, geometry, rasterStepUm: 100, sliceStepUm: 50);

        Assert.Equal(new RegistrationSettings(100, 50, 100, 4000, 3750, 100), settings);
        var pinned = automatic with
        {
            BeamFwhmUm = AutoOrNumber.Of(80), BeamHeightUm = AutoOrNumber.Of(60), AlongBeamStepUm = AutoOrNumber.Of(40), AlongBeamWindowUm = AutoOrNumber.Of(3000),
        };
        Assert.Equal(new RegistrationSettings(80, 60, 40, 3000, 3750, 80), RegistrationSettings.Resolve(pinned, geometry, 100, double.NaN));
        Assert.Equal(0, RegistrationSettings.Resolve(pinned with { WallProfileFwhmUm = AutoOrNumber.Of(0) }, geometry, 100, double.NaN).WallProfileFwhmUm);
        var error = Assert.Throws<ArgumentException>(() => RegistrationSettings.Resolve(automatic, geometry, 100, double.NaN));
        Assert.Contains("register.beam_height_um", error.Message);
    }

    [Fact]
    public void A_fibre_below_the_minimum_weight_leaves_the_whole_path()
    {
        FibreCrossing[] crossings =
        [
            new(0, 0, 7, 0, 0.0004, 60, 10), new(0, 1, 7, 0, 0.0004, 60, 10), new(0, 2, 7, 0, 0.0004, 60, 10),
            new(0, 0, 9, 0, 0.0006, 60, 10), new(1, 0, 9, 1, 0.8, 60, 10), new(1, 3, 9, 0, 0.0001, 60, 10),
        ];

        var kept = Registration.KeepHeavyEnough(crossings, 0.001);

        // Fibre 7 sums to 0.0012 in path 0 and stays whole; fibre 9 has 0.0006 there and goes; in path 1 it stays,
        // with its light along-beam voxel.
        Assert.Equal([crossings[0], crossings[1], crossings[2], crossings[4], crossings[5]], kept);
    }
}
