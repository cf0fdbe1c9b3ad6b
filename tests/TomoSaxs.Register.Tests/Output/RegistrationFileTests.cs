using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Register.Fibres;
using TomoSaxs.Register.Gridding;
using TomoSaxs.Register.Horizontal;
using TomoSaxs.Register.Output;
using TomoSaxs.Register.Vertical;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Register.Tests.Output;

public class RegistrationFileTests
{
    private static RegistrationResult Sample(bool withCrossings)
    {
        var crossings = new IReadOnlyList<FibreCrossing>[3, 2];
        for (var a = 0; a < 3; a++)
        {
            for (var s = 0; s < 2; s++)
            {
                crossings[a, s] = withCrossings
                    ? [new FibreCrossing(1, 0, 17, 4, 3.25, 88.5, 12.5 + a), new FibreCrossing(1, 3, 2, 0, 0.01, 45, 300), new FibreCrossing(4, 2, 17 + s, 9, 8.5, 90, 359.5)]
                    : [];
            }
        }

        var chord = new double[3, 2, 5];
        for (var i = 0; i < chord.Length; i++)
        {
            chord[i / 10, i / 5 % 2, i % 5] = 100 + 7.5 * i;
        }

        return new RegistrationResult
        {
            AnglesDeg = [-90, 0, 90],
            RotationSign = -1,
            MapAngleDeg = 0,
            PathPositionsUm = [100, 150, 200, 250, 300],
            BeamFwhmUm = 50,
            AlongBeamStepUm = 50,
            AlongBeamWindowUm = 4000,
            FibreVoxelUm = 8.125,
            Slices = [new SliceSlab(0, 1000, 375, 425, 46, 52), new SliceSlab(1, 1050, 425, 475, 52, 58)],
            Vertical = new VerticalMatch(600.5, -12.25, 1, -0.97, 3.5, 412, EstimateSource.Automatic, 0.5),
            CtVoxelUm = 6.5,
            CtTube = [new TubeSlab(0, 50, new TubeCircle(310.2, 300.9, 307.7, 0.12, 0.98, 8820, EstimateSource.Automatic)),
                new TubeSlab(50, 80, TubeCircle.Pinned(310, 301, 307.5))],
            Walls = new TubeWalls[,]
            {
                { new TubeWalls(-1700, 2080, 190, 0.9, 0.85, EstimateSource.Automatic), new TubeWalls(-1698, 2083, 192.5, 0.8, 0.8, EstimateSource.Automatic) },
                { new TubeWalls(double.NaN, 2100, 225, double.NaN, 0.8, EstimateSource.Automatic), new TubeWalls(double.NaN, 2101, 226, double.NaN, 0.7, EstimateSource.Automatic) },
                { TubeWalls.Pinned(200), TubeWalls.Pinned(200) },
            },
            TubeCentreUm = new double[,] { { 190.25, 192.25 }, { 225.5, 226 }, { 200, 200 } },
            Crossings = crossings,
            ChordUm = chord,
            FibreCylinders = withCrossings
                ? [new FibreCylinder(2, (1510.5, 1402.25, 330.125), (0.6, 0.0, -0.8), -210.5, 198.25, 17.75, 88), new FibreCylinder(17, (900, 1100, 410), (0, 1, 0), -50, 60, 22, 140)]
                : [],
        };
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Round_trips_every_number(bool withCrossings)
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("registration.h5");
        var written = Sample(withCrossings);
        RegistrationFile.Write(path, written, root => root.Attributes.Set("stage", "Register"));
        var read = RegistrationFile.Read(path);

        Assert.Equal(written.AnglesDeg, read.AnglesDeg);
        Assert.Equal(written.RotationSign, read.RotationSign);
        Assert.Equal(written.MapAngleDeg, read.MapAngleDeg);
        Assert.Equal(written.PathPositionsUm, read.PathPositionsUm);
        Assert.Equal((written.BeamFwhmUm, written.AlongBeamStepUm, written.AlongBeamWindowUm, written.FibreVoxelUm),
            (read.BeamFwhmUm, read.AlongBeamStepUm, read.AlongBeamWindowUm, read.FibreVoxelUm));
        Assert.Equal(written.Slices, read.Slices);
        Assert.Equal(written.Vertical, read.Vertical);
        Assert.Equal(written.CtVoxelUm, read.CtVoxelUm);
        Assert.Equal(written.CtTube, read.CtTube);
        Assert.Equal(written.Walls, read.Walls); // NaN == NaN for records of doubles
        Assert.Equal(written.TubeCentreUm, read.TubeCentreUm);
        for (var a = 0; a < 3; a++)
        {
            for (var s = 0; s < 2; s++)
            {
                Assert.Equal(written.Crossings[a, s], read.Crossings[a, s]);
            }
        }

        Assert.Equal(written.ChordUm, read.ChordUm);
        Assert.Equal(written.FibreCylinders, read.FibreCylinders);
        // Path 1 holds fibre 17 (4 voxels) and fibre 2 (beam weight only, no voxel): one fibre counts.
        Assert.Equal(withCrossings ? 1 : 0, read.FibresPerPath()[1, 0, 1]);
    }

    [Fact]
    public void Datasets_carry_their_units_and_the_root_names_the_artefact()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("registration.h5");
        RegistrationFile.Write(path, Sample(true), root => root.Attributes.Set("stage", "Register"));
        using var file = Hdf5File.Open(path);
        Assert.Equal("um", file.Dataset("thickness/chord_um").Units);
        Assert.Equal("deg", file.Dataset("crossings/beta_deg").Units);
        Assert.Equal("voxel", file.Dataset("crossings/beam_weight").Units);
        Assert.Equal([3L, 2, 5, 2], file.Dataset("crossings/index").Shape);
        Assert.Equal([3L, 2, 5], file.Dataset("thickness/fibre_count").Shape);
        var attributes = file.Attributes("/").ToDictionary(a => a.Name, a => a.Value);
        Assert.Equal(RegistrationFile.ArtefactName, attributes["artefact"]);
        Assert.Equal("Register", attributes["stage"]);
    }

    [Fact]
    public void A_file_that_is_not_a_registration_is_refused()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("other.h5");
        var root = new ArtefactGroup();
        root.Attributes.Set("artefact", "something.else");
        root.AddScalar("x", 1.0);
        Hdf5ArtefactWriter.Write(path, root);
        var error = Assert.Throws<DataFileException>(() => RegistrationFile.Read(path));
        Assert.Contains("not a registration file", error.Message);
    }

    [Fact]
    public void Inconsistent_counts_are_refused_before_writing()
    {
        using var folder = new TemporaryDirectory();
        var broken = Sample(true) with { ChordUm = new double[3, 2, 4] };
        var error = Assert.Throws<ArgumentException>(() => RegistrationFile.Write(folder.File("r.h5"), broken));
        Assert.Contains("Thickness is [3, 2, 4], expected [3, 2, 5]", error.Message);
        Assert.False(File.Exists(folder.File("r.h5")));
    }
}
