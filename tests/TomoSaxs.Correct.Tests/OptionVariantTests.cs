using TomoSaxs.Correct.Detector;
using TomoSaxs.Correct.Output;
using TomoSaxs.Correct.Stage;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.TestSupport;
using TomoSaxs.TestSupport.Phantom;
using Xunit.Abstractions;

namespace TomoSaxs.Correct.Tests;

/// <summary>Acceptance 4: the reference GUI's other options, each on a phantom made for it.</summary>
public class NoChamberSingleFrameTests(NoChamberSingleFramePhantom phantom, ITestOutputHelper output) : IClassFixture<NoChamberSingleFramePhantom>
{
    [Fact]
    public void Background_only_with_a_single_air_frame_and_no_chamber_recovers_the_truth()
    {
        var worst = VariantCheck.Run(phantom, output);
        Assert.True(worst <= 1e-5, $"worst relative error on frames governed by 1e-5: {worst:E3}");
    }

    [Fact]
    public void A_line_scan_type_on_a_single_frame_file_is_refused_naming_the_key()
    {
        var settings = CorrectSettings.From(phantom.Definition) with { BackgroundType = BackgroundType.LineScan, AlignByWalls = false };
        var error = Assert.Throws<CorrectOptionsException>(() =>
            SliceCorrector.Prepare(PhantomCorrection.Inputs(phantom), settings, TruthRegistration.SampleUm(phantom), 0));
        Assert.Equal("stages.correct.background_type", error.Key);
        Assert.Contains("1 frame", error.Message);
    }
}

public class NoChamberAveragedTests(NoChamberAveragedPhantom phantom, ITestOutputHelper output) : IClassFixture<NoChamberAveragedPhantom>
{
    [Fact]
    public void Background_only_with_an_averaged_air_background_recovers_the_truth()
    {
        var worst = VariantCheck.Run(phantom, output);
        Assert.True(worst <= 1e-5, $"worst relative error on frames governed by 1e-5: {worst:E3}");
    }

    [Fact]
    public void A_single_frame_type_on_a_line_scan_file_is_refused_naming_the_key()
    {
        var settings = CorrectSettings.From(phantom.Definition) with { BackgroundType = BackgroundType.SingleFrame };
        var error = Assert.Throws<CorrectOptionsException>(() =>
            SliceCorrector.Prepare(PhantomCorrection.Inputs(phantom), settings, TruthRegistration.SampleUm(phantom), 0));
        Assert.Equal("stages.correct.background_type", error.Key);
    }
}

public class CuboidTests(CuboidPhantom phantom, ITestOutputHelper output) : IClassFixture<CuboidPhantom>
{
    [Fact]
    public void Background_and_buffer_in_a_kapton_cuboid_with_a_constant_path_recovers_the_truth()
    {
        var worst = VariantCheck.Run(phantom, output);
        Assert.True(worst <= 1e-5, $"worst relative error on frames governed by 1e-5: {worst:E3}");
    }
}

/// <summary>I/G against truth on every frame with sample of slice 1: |I/G − truth| ≤ max(1e-5·truth, rounding bound
/// (1/d)·(0.5/(t·It_S) + 0.5/(t·It_B,min))); returns the worst relative error where 1e-5 governs.</summary>
internal static class VariantCheck
{
    public static double Run(ExamplePhantom phantom, ITestOutputHelper output)
    {
        var settings = CorrectSettings.From(phantom.Definition) with { Detector = new DetectorCorrections() with { SelfAbsorption = false } };
        using var folder = new TemporaryDirectory();
        const int slice = 1;
        var path = folder.File("corrected.h5");
        var flagged = PhantomCorrection.Run(phantom, settings, slice, path);
        using var file = Hdf5File.Open(path);
        var box = CorrectedFile.ReadBox(file);
        var gain = PhantomCorrection.IndependentGain(phantom, box);
        var mask = PhantomCorrection.Mask(file);
        var references = settings.Mode == CorrectionMode.Background
            ? new[] { phantom.Definition.Raw.Background }
            : new[] { phantom.Definition.Raw.Background, phantom.Definition.Raw.Buffer! };
        var minIt = references.Min(file => { using var scan = TomoSaxs.Formats.Nexus.I22Scan.Open(file); return scan.ReadTransmittedFlux().Values.Min(); });
        var (worst, frames) = (0.0, 0);
        for (var angle = 0; angle < PhantomCorrection.Angles(file); angle++)
        {
            var flags = CorrectedFile.ReadPerFrame(file, angle, "flags");
            for (var position = 0; position < phantom.Plan.Positions; position++)
            {
                var truth = PhantomCorrection.Truth(phantom, box, angle, slice, position);
                if (truth is null)
                {
                    Assert.NotEqual(0, (int)flags[position] & (int)FrameFlags.ZeroThickness);
                    continue;
                }

                Assert.Equal(0, (int)flags[position] & (int)(FrameFlags.OutsideChamber | FrameFlags.Skipped));
                frames++;
                var corrected = CorrectedFile.ReadFrame(file, angle, position);
                var d = CorrectedFile.ReadPerFrame(file, angle, "thickness_um")[position];
                var t = CorrectedFile.ReadPerFrame(file, angle, "count_time_s")[position];
                var it = CorrectedFile.ReadPerFrame(file, angle, "it")[position];
                var phi = CorrectedFile.ReadPerFrame(file, angle, "buffer_fraction")[position];
                Assert.Equal(settings.Mode == CorrectionMode.Background ? 0 : d / settings.Chamber.CuboidPathUm, phi, 12);
                var rounding = (0.5 / (t * it) + 0.5 / (t * minIt)) / d;
                for (var i = 0; i < truth.Length; i++)
                {
                    if (mask[i])
                    {
                        continue;
                    }

                    var absolute = Math.Abs(corrected[i] / gain[i] - truth[i]);
                    Assert.True(absolute <= Math.Max(1e-5 * Math.Abs(truth[i]), rounding),
                        $"angle {angle}, position {position}, pixel {i}: {corrected[i] / gain[i]} vs {truth[i]}");
                    if (rounding <= 1e-5 * Math.Abs(truth[i]))
                    {
                        worst = Math.Max(worst, absolute / Math.Abs(truth[i]));
                    }
                }
            }
        }

        output.WriteLine($"{frames} frames with sample, {flagged.Count} flagged; worst relative error where 1e-5 governs: {worst:E3}");
        Assert.True(frames > 50);
        return worst;
    }
}
