using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;

namespace TomoSaxs.Phantom.Tests;

/// <summary><c>phantom.float_frames</c>: noise-free frames as float32 expected counts, opt-in, fingerprint unchanged when off.</summary>
public sealed class FloatFramesTests
{
    [Fact]
    public void Float_frames_hold_the_unrounded_expected_counts_of_the_integer_frames()
    {
        var yaml = TinyScan.Yaml(seed: 21, noise: false, gain: 3e-3);
        using var integers = new GeneratedScan(yaml);
        var noiseLine = yaml.Split('\n').Single(line => line.Trim() == "noise: false");
        var indent = noiseLine[..(noiseLine.Length - noiseLine.TrimStart().Length)];
        using var floats = new GeneratedScan(yaml.Replace(noiseLine, $"{noiseLine}\n{indent}float_frames: true", StringComparison.Ordinal));

        Assert.NotEqual(integers.Plan.Fingerprint, floats.Plan.Fingerprint);
        var files = integers.Plan.Outputs.Saxs.Zip(floats.Plan.Outputs.Saxs)
            .Append((integers.Plan.Outputs.Background, floats.Plan.Outputs.Background));
        var fractional = 0;
        foreach (var (integerFile, floatFile) in files)
        {
            using var a = I22Scan.Open(integerFile);
            using var b = I22Scan.Open(floatFile);
            Assert.Equal(Hdf5ElementType.Int32, a.Frames.ElementType);
            Assert.Equal(Hdf5ElementType.Float32, b.Frames.ElementType);
            var rounded = a.ReadFrame<double>(0, 1).Pixels;
            var exact = b.ReadFrame<double>(0, 1).Pixels;
            for (var p = 0; p < rounded.Length; p++)
            {
                // round-half-even of the float32 expectation is the integer frame (±1 ulp of float32 at a .5 tie).
                Assert.InRange(exact[p] - rounded[p], -0.5 - 1e-3, 0.5 + 1e-3);
                fractional += exact[p] != Math.Round(exact[p]) ? 1 : 0;
            }
        }

        Assert.True(fractional > 0);
    }

    [Fact]
    public void Leaving_float_frames_off_keeps_the_fingerprint_of_the_presets()
    {
        using var folder = new TomoSaxs.TestSupport.TemporaryDirectory();
        var file = PhantomPresets.WriteScanFolder("example", folder.Path);
        var plain = PhantomScan.Plan(PhantomDefinition.Load(file)).Fingerprint;
        var off = PhantomScan.Plan(PhantomDefinition.Load(file, ["phantom.float_frames=false"])).Fingerprint;
        var on = PhantomScan.Plan(PhantomDefinition.Load(file, ["phantom.noise=false", "phantom.float_frames=true"])).Fingerprint;
        var noiseFree = PhantomScan.Plan(PhantomDefinition.Load(file, ["phantom.noise=false"])).Fingerprint;
        Assert.Equal(plain, off);
        Assert.NotEqual(noiseFree, on);
    }
}
