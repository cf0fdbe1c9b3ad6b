using TomoSaxs.Calibrate.Estimates;
using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Register.Gridding;
using TomoSaxs.Register.Horizontal;
using TomoSaxs.Register.Output;
using TomoSaxs.Register.Vertical;
using TomoSaxs.TestSupport.Phantom;

namespace TomoSaxs.Correct.Tests;

/// <summary>
/// register/registration.h5 written from phantom truth: ChordUm = truth/beam_paths.h5 /paths/sample_um (the pencil
/// beam's tissue chord), every other field a placeholder Correct does not read. Unit-level testing of Correct
/// given a perfect thickness, until the Register stage exists.
/// </summary>
internal static class TruthRegistration
{
    public static double[,,] SampleUm(ExamplePhantom phantom)
    {
        using var file = Hdf5File.Open(phantom.TruthFile("beam_paths.h5"));
        var data = file.Dataset("/paths/sample_um");
        var values = data.Read<double>();
        var (a, s, p) = ((int)data.Shape[0], (int)data.Shape[1], (int)data.Shape[2]);
        var result = new double[a, s, p];
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(double));
        return result;
    }

    public static string Write(ExamplePhantom phantom, string path)
    {
        var chord = SampleUm(phantom);
        var (a, s, p) = (chord.GetLength(0), chord.GetLength(1), chord.GetLength(2));
        var crossings = new IReadOnlyList<FibreCrossing>[a, s];
        for (var i = 0; i < a; i++)
        {
            for (var j = 0; j < s; j++)
            {
                crossings[i, j] = [];
            }
        }

        var result = new RegistrationResult
        {
            AnglesDeg = [.. phantom.Definition.Raw.Saxs.AnglesDeg],
            RotationSign = phantom.Definition.Geometry.RotationSign,
            MapAngleDeg = 0,
            PathPositionsUm = [.. Enumerable.Range(0, p).Select(i => 100.0 * i)],
            BeamFwhmUm = 100,
            AlongBeamStepUm = 50,
            AlongBeamWindowUm = 4000,
            FibreVoxelUm = 20,
            Slices = [.. Enumerable.Range(0, s).Select(j => new SliceSlab(j, 100.0 * j, 10 * j, 10 * j + 10, j, j + 1))],
            Vertical = new VerticalMatch(0, 0, 1, 1, 0, 0, EstimateSource.Pinned, 0),
            CtVoxelUm = 16,
            CtTube = [new TubeSlab(0, 1, TubeCircle.Pinned(0, 0, 2000))],
            Walls = [.. Enumerable.Range(0, a).Select(_ => TubeWalls.Pinned(0))],
            Crossings = crossings,
            ChordUm = chord,
        };
        RegistrationFile.Write(path, result);
        return path;
    }
}
