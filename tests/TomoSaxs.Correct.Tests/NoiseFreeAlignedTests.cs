using TomoSaxs.Correct.Detector;
using TomoSaxs.Correct.Output;
using TomoSaxs.Correct.Stage;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.TestSupport;
using Xunit.Abstractions;

namespace TomoSaxs.Correct.Tests;

/// <summary>Acceptance 1 and 5: noise-free phantom with aligned grids.</summary>
public class NoiseFreeAlignedTests(AlignedNoiseFreePhantom phantom, ITestOutputHelper output) : IClassFixture<AlignedNoiseFreePhantom>
{
    /// <summary>The phantom models neither self-absorption nor dead time, so both are off here (the default
    /// sensor efficiency, solid angle and polarisation stay on: the test divides by G computed independently).</summary>
    private CorrectSettings Settings => CorrectSettings.From(phantom.Definition) with
    {
        Detector = new DetectorCorrections() with { SelfAbsorption = false, DeadTime = false },
    };

    /// <summary>
    /// Every unmasked pixel of every frame with sample: |I/G − truth| ≤ max(1e-5·|truth|, the integer-rounding bound of
    /// note §10 assertion 4, (1/d)·Σ|w_X|·0.5/(t_X·It_X) with w = (1, 1 − φ, φ)). The raw frames are int32 (the
    /// phantom rounds its noise-free expectation); at gain 3e-3 the rounding bound exceeds 1e-5 only on the thinnest
    /// sample frames (t_s ≲ 150 µm), where the cancellation A_S − … amplifies it by up to ~100×.
    /// </summary>
    [Fact]
    public void Corrected_intensity_over_G_equals_the_sample_scattering_per_micrometre()
    {
        using var folder = new TemporaryDirectory();
        var worst = 0.0;
        var worstThick = 0.0;
        var frames = 0;
        var roundingGoverned = 0;
        var pixels = 0;
        var minReferenceIt = new[] { phantom.Definition.Raw.Background, phantom.Definition.Raw.Buffer! }
            .Min(path => { using var scan = TomoSaxs.Formats.Nexus.I22Scan.Open(path); return scan.ReadTransmittedFlux().Values.Min(); });
        for (var slice = 0; slice < phantom.Plan.Slices; slice++)
        {
            var path = folder.File($"corrected_{slice}.h5");
            PhantomCorrection.Run(phantom, Settings, slice, path);
            using var file = Hdf5File.Open(path);
            var box = CorrectedFile.ReadBox(file);
            var gain = PhantomCorrection.IndependentGain(phantom, box);
            var mask = PhantomCorrection.Mask(file);
            for (var angle = 0; angle < PhantomCorrection.Angles(file); angle++)
            {
                for (var position = 0; position < phantom.Plan.Positions; position++)
                {
                    var truth = PhantomCorrection.Truth(phantom, box, angle, slice, position);
                    if (truth is null)
                    {
                        continue;
                    }

                    frames++;
                    var corrected = CorrectedFile.ReadFrame(file, angle, position);
                    var d = CorrectedFile.ReadPerFrame(file, angle, "thickness_um")[position];
                    var phi = CorrectedFile.ReadPerFrame(file, angle, "buffer_fraction")[position];
                    var t = CorrectedFile.ReadPerFrame(file, angle, "count_time_s")[position];
                    var it = CorrectedFile.ReadPerFrame(file, angle, "it")[position];
                    var rounding = (0.5 / (t * it) + (1 - phi + phi) * 0.5 / (t * minReferenceIt)) / d;
                    for (var i = 0; i < truth.Length; i++)
                    {
                        if (mask[i])
                        {
                            continue;
                        }

                        var absolute = Math.Abs(corrected[i] / gain[i] - truth[i]);
                        var error = absolute / Math.Abs(truth[i]);
                        var tolerance = Math.Max(1e-5 * Math.Abs(truth[i]), rounding);
                        Assert.True(absolute <= tolerance,
                            $"slice {slice}, angle {angle}, position {position}, pixel {i}: {corrected[i] / gain[i]} vs {truth[i]} ({error:E2}; rounding bound {rounding / Math.Abs(truth[i]):E2})");
                        worst = Math.Max(worst, error);
                        pixels++;
                        if (rounding > 1e-5 * Math.Abs(truth[i]))
                        {
                            roundingGoverned++;
                        }
                        else
                        {
                            worstThick = Math.Max(worstThick, error);
                        }
                    }
                }
            }
        }

        output.WriteLine($"{frames} frames with sample, {pixels} pixels; worst relative error {worst:E3}; " +
            $"{roundingGoverned} pixels where the rounding bound exceeds 1e-5; worst relative error elsewhere {worstThick:E3}");
        Assert.True(worstThick <= 1e-5);
        Assert.True(frames > 100);
    }

    [Fact]
    public void Masked_pixels_carry_the_fill_value_and_flagged_frames_are_listed()
    {
        using var folder = new TemporaryDirectory();
        foreach (var (fill, name) in new[] { (float.NaN, "nan"), (0f, "zero") })
        {
            var path = folder.File($"corrected_{name}.h5");
            var flagged = PhantomCorrection.Run(phantom, Settings with { MaskedFill = fill }, 1, path);
            using var file = Hdf5File.Open(path);
            var mask = PhantomCorrection.Mask(file);
            Assert.Contains(true, mask);
            Assert.Equal(name == "nan" ? "nan" : "0", file.StringAttribute("/", "masked_fill"));
            var listed = file.Dataset("/flagged_frames").ReadStrings();
            Assert.Equal(flagged, listed);
            Assert.NotEmpty(flagged);
            for (var angle = 0; angle < PhantomCorrection.Angles(file); angle++)
            {
                var flags = CorrectedFile.ReadPerFrame(file, angle, "flags");
                for (var position = 0; position < flags.Length; position++)
                {
                    var frame = CorrectedFile.ReadFrame(file, angle, position);
                    var frameFlags = (FrameFlags)(int)flags[position];
                    for (var i = 0; i < frame.Length; i++)
                    {
                        if (mask[i] || (frameFlags & FrameFlags.Skipped) != 0)
                        {
                            Assert.Equal(fill, frame[i]);
                        }
                        else
                        {
                            Assert.True(float.IsFinite(frame[i]));
                        }
                    }

                    // Every frame outside the tube or without sample is flagged and listed.
                    if (SampleUm(angle, 1, position) <= 0)
                    {
                        Assert.True((frameFlags & (FrameFlags.ZeroThickness | FrameFlags.OutsideChamber)) != 0);
                        Assert.Contains(listed, line => line.StartsWith($"angle {phantom.Definition.Raw.Saxs.Rotations[angle].AngleDeg}°, position {position}:", StringComparison.Ordinal));
                    }
                }
            }
        }
    }

    [Fact]
    public void Background_and_buffer_without_a_buffer_file_is_refused_before_any_work()
    {
        using var folder = new TemporaryDirectory();
        var inputs = PhantomCorrection.Inputs(phantom) with { Buffer = null };
        var error = Assert.Throws<CorrectOptionsException>(() =>
            SliceCorrector.Prepare(inputs, Settings, TruthRegistration.SampleUm(phantom), 0));
        Assert.Equal("stages.correct.mode", error.Key);
        Assert.Contains("raw.buffer", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    private double SampleUm(int angle, int slice, int position) => TruthRegistration.SampleUm(phantom)[angle, slice, position];
}
