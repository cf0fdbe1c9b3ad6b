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
    /// Every unmasked, stored pixel of every frame with sample: |I/G − truth| ≤ 1e-5·|truth|. The raw frames are
    /// float32 expected counts (<c>phantom.float_frames</c>), so no integer rounding enters; what remains is float32
    /// storage of the raw and corrected values (≈ 6e-8 relative each, amplified by the A_S − … cancellation on thin
    /// sample frames).
    /// </summary>
    [Fact]
    public void Corrected_intensity_over_G_equals_the_sample_scattering_per_micrometre()
    {
        using var folder = new TemporaryDirectory();
        var worst = 0.0;
        var frames = 0;
        var pixels = 0;
        foreach (var raw in new[] { phantom.Definition.Raw.Saxs.Files.First(), phantom.Definition.Raw.Background, phantom.Definition.Raw.Buffer! })
        {
            using var scan = TomoSaxs.Formats.Nexus.I22Scan.Open(raw);
            Assert.Equal(Hdf5ElementType.Float32, scan.Frames.ElementType);
        }

        for (var slice = 0; slice < phantom.Plan.Slices; slice++)
        {
            var path = folder.File($"corrected_{slice}.h5");
            PhantomCorrection.Run(phantom, Settings, slice, path);
            using var file = Hdf5File.Open(path);
            var box = CorrectedFile.ReadBox(file);
            var gain = PhantomCorrection.IndependentGain(phantom, box);
            var unstored = PhantomCorrection.Mask(file);
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
                    for (var i = 0; i < truth.Length; i++)
                    {
                        if (unstored[i])
                        {
                            continue;
                        }

                        var error = Math.Abs(corrected[i] / gain[i] - truth[i]) / Math.Abs(truth[i]);
                        Assert.True(error <= 1e-5,
                            $"slice {slice}, angle {angle}, position {position}, pixel {i}: {corrected[i] / gain[i]} vs {truth[i]} ({error:E2})");
                        worst = Math.Max(worst, error);
                        pixels++;
                    }
                }
            }
        }

        output.WriteLine($"{frames} frames with sample, {pixels} pixels checked; worst relative error {worst:E3}");
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

    /// <summary>
    /// The default store (q_box_half): every pixel left out of the stored region is farther than the margin from
    /// Integrate's q range; every stored pixel lies within the margin of it, checked with q computed here from the
    /// phantom's detector numbers (a margin of m pixels moves q by at most m·Δq, Δq = 2√2·(4π/λ)·pixel/distance, a loose bound on one diagonal pixel step).
    /// </summary>
    [Fact]
    public void Stored_pixels_cover_the_q_range_with_the_margin_and_the_rest_is_filled()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("corrected.h5");
        PhantomCorrection.Run(phantom, Settings, 0, path);
        using var file = Hdf5File.Open(path);
        var box = CorrectedFile.ReadBox(file);
        var outside = file.Dataset("/outside_range").Read<byte>();
        var q = IndependentQ(box);
        var (qMin, qMax) = Settings.QRangeNm!.Value;
        var d = phantom.Plan.Spec.Detector;
        var step = 4 * Math.PI / d.WavelengthNm * d.PixelUm / (d.DistanceMm * 1000) * Math.Sqrt(2);
        var slack = Settings.BoxMarginPx * step;
        Assert.Contains((byte)1, outside);
        var stored = 0;
        for (var i = 0; i < outside.Length; i++)
        {
            if (outside[i] == 0)
            {
                stored++;
                Assert.InRange(q[i], qMin - slack, qMax + slack);
            }
        }

        output.WriteLine($"box {box.Rows} × {box.Columns}: {stored} pixels stored ({100.0 * stored / outside.Length:F1} %), q range [{qMin:F3}, {qMax:F3}] nm⁻¹");
        var frame = CorrectedFile.ReadFrame(file, 0, phantom.Plan.Positions / 2);
        for (var i = 0; i < outside.Length; i++)
        {
            if (outside[i] != 0)
            {
                Assert.True(float.IsNaN(frame[i]));
            }
        }
    }

    private double[] IndependentQ(FrameBox box)
    {
        var d = phantom.Plan.Spec.Detector;
        var q = new double[box.PixelCount];
        for (var r = 0; r < box.Rows; r++)
        {
            for (var c = 0; c < box.Columns; c++)
            {
                var dy = (box.FirstRow + r + 0.5 - d.CentreYPx) * d.PixelUm;
                var dx = (box.FirstColumn + c + 0.5 - d.CentreXPx) * d.PixelUm;
                var twoTheta = Math.Atan(Math.Sqrt(dx * dx + dy * dy) / (d.DistanceMm * 1000));
                q[r * box.Columns + c] = 4 * Math.PI / d.WavelengthNm * Math.Sin(twoTheta / 2);
            }
        }

        return q;
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
