using TomoSaxs.Formats.Hdf5;
using TomoSaxs.TestSupport.Phantom;

namespace TomoSaxs.Correct.Tests;

/// <summary>
/// The thickness Correct divides by, from phantom truth: truth/beam_paths.h5 /paths/sample_um [angle, slice, path]
/// (the pencil beam's tissue chord, what Register's ChordUm estimates). Unit-level testing of Correct given a
/// perfect thickness; the build test runs it on Register's own registration.h5.
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
}
