using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Register.Stage;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>Every pinned register parameter is used as given; bad inputs give errors that name the file, the
/// dataset and what was expected.</summary>
[Collection(RegisteredExampleCollection.Name)]
public sealed class RegistrationOverrideTests(RegisteredExample example)
{
    [Fact]
    public void Pinned_geometry_and_gridding_values_are_used()
    {
        var result = Registration.Compute(example.With(
            "register.vertical_offset_um=3650", "register.beam_fwhm_um=80", "register.beam_height_um=60",
            "register.along_beam_step_um=50", "register.along_beam_window_um=3000", "register.min_beam_weight=0.05",
            "register.tube_centre_fit=pooled", "register.map_angle_deg=10", "register.along_beam_resolved=false"));

        Assert.Equal(3650, result.Vertical.OffsetUm);
        Assert.Equal(EstimateSource.Pinned, result.Vertical.Source);
        Assert.Equal(80, result.BeamFwhmUm);
        Assert.All(result.Slices, slab => Assert.Equal(60, slab.CtZEndUm - slab.CtZStartUm, 9));
        Assert.Equal(50, result.AlongBeamStepUm);
        Assert.Equal(3000, result.AlongBeamWindowUm);
        Assert.Equal(10, result.MapAngleDeg);
        for (var a = 0; a < result.AnglesDeg.Count; a++)
        {
            // Pooled: one centre for every slice of an angle.
            Assert.All(Enumerable.Range(0, result.Slices.Count), j => Assert.Equal(result.TubeCentreUm[a, 0], result.TubeCentreUm[a, j]));
            for (var j = 0; j < result.Slices.Count; j++)
            {
                Assert.All(result.Crossings[a, j], c => Assert.Equal(-1, c.AlongBeam));
                Assert.All(result.Crossings[a, j].GroupBy(c => (c.Path, c.FibreId)), g => Assert.True(g.Sum(c => c.BeamWeight) >= 0.05));
            }
        }
    }

    [Fact]
    public void Pinned_tube_centres_and_vertical_sense_are_used()
    {
        var centres = example.Truth.TubeCentreMotorXUm.Select(perSlice => perSlice[0] + 3).ToArray();
        var result = Registration.Compute(example.With(
            $"register.tube_centres_um={string.Join(", ", centres.Select(c => c.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}",
            "register.vertical_sense=-1"));

        Assert.Equal(-1, result.Vertical.VerticalSense);
        for (var a = 0; a < centres.Length; a++)
        {
            Assert.All(Enumerable.Range(0, result.Slices.Count), j => Assert.Equal(centres[a], result.TubeCentreUm[a, j]));
            Assert.Equal(EstimateSource.Pinned, result.Walls[a, 0].Source);
        }
    }

    [Fact]
    public void Automatic_vertical_sense_keeps_the_better_match()
    {
        var result = Registration.Compute(example.With("register.vertical_sense=auto"));

        Assert.Equal(1, result.Vertical.VerticalSense);
        Assert.Equal(example.Result.Vertical.OffsetUm, result.Vertical.OffsetUm, 6);
    }

    [Fact]
    public void Pinned_centres_must_match_the_angles()
    {
        var error = Assert.Throws<ArgumentException>(() => Registration.Compute(example.With("register.tube_centres_um=12450, 12460")));

        Assert.Contains("register.tube_centres_um", error.Message);
        Assert.Contains("9 angles", error.Message);
    }

    [Fact]
    public void Rasters_that_differ_between_angles_are_refused_naming_the_file()
    {
        var rasters = example.Input.Rasters.ToList();
        rasters[3] = rasters[3] with { XUm = [.. rasters[3].XUm.Select(x => x + 40)] };

        var error = Assert.Throws<DataFileException>(() => Registration.Compute(example.Input with { Rasters = rasters }));

        Assert.Contains(rasters[3].Source, error.Message);
        Assert.Contains("base_x_value_set", error.Message);
        Assert.Contains(rasters[0].Source, error.Message);
    }

    [Fact]
    public void Frame_sums_without_tube_walls_are_refused_naming_the_file()
    {
        var rasters = example.Input.Rasters.ToList();
        var flat = new double[rasters[2].Slices, rasters[2].Positions];
        for (var j = 0; j < rasters[2].Slices; j++)
        {
            for (var i = 0; i < rasters[2].Positions; i++)
            {
                flat[j, i] = 1000 + (i % 2);
            }
        }

        rasters[2] = rasters[2] with { FrameSums = flat };

        var error = Assert.Throws<DataFileException>(() => Registration.Compute(example.Input with { Rasters = rasters }));

        Assert.Contains(rasters[2].Source, error.Message);
        Assert.Contains("SAXS_sum/sum", error.Message);
        Assert.Contains("Kapton", error.Message);
    }

    [Fact]
    public void A_WAXS_map_that_cannot_overlap_the_CT_map_is_refused_naming_it()
    {
        // Pixels 10 mm apart: no footprint fits on the 4.6 mm CT map.
        var tiny = new WaxsMap(new double[,] { { 1, 2, 3 }, { 3, 4, 5 }, { 6, 7, 9 } }, [0, 10_000, 20_000], [0, 10_000, 20_000]);

        var error = Assert.Throws<DataFileException>(() => Registration.Compute(example.Input with { WaxsMap = tiny }));

        Assert.Contains(example.Input.WaxsSource, error.Message);
        Assert.Contains("CT map", error.Message);
    }
}
