using TomoSaxs.Correct.Detector;
using TomoSaxs.Correct.Output;
using TomoSaxs.Correct.Stage;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.TestSupport;
using Xunit.Abstractions;

namespace TomoSaxs.Correct.Tests;

/// <summary>Acceptance 2: background and buffer on the example's shifted (0.4 step) and 0.9× spaced grids.</summary>
public class ShiftedGridTests(ShiftedNoiseFreePhantom phantom, ITestOutputHelper output) : IClassFixture<ShiftedNoiseFreePhantom>
{
    /// <summary>
    /// Frames with |δ| &lt; R_i − 3Δx: the error of the gain-normalised intensity stays within the propagated
    /// position-mismatch bound of note §10 assertion 3, (|∂A_B/∂δ| + (1 − φ)|∂A_D/∂δ|)·Δx/2 / t_s per pixel (the
    /// nearest-frame bound; linear interpolation does better), with A_B = gain·(σ_k L_k + σ_air) and
    /// A_D = A_B + gain·σ_b L_in from the phantom's own scattering constants; and under 0.5% where |δ| &lt; R_i/2 in
    /// the q range Integrate uses (at the lowest q of the box, where Kapton scatters ~10³× more than the sample, the
    /// mismatch reaches a few percent, still within the bound).
    /// </summary>
    [Fact]
    public void Error_stays_within_the_position_mismatch_bound()
    {
        var settings = CorrectSettings.From(phantom.Definition) with { Detector = new DetectorCorrections() with { SelfAbsorption = false } };
        var spec = phantom.Plan.Spec;
        var gainCounts = spec.Beam.Gain;
        var step = spec.Raster.StepUm;
        var ro = phantom.Definition.Geometry.TubeOuterDiameterUm / 2;
        var ri = ro - phantom.Definition.Geometry.TubeWallUm;
        using var folder = new TemporaryDirectory();
        var (worstRatio, worstMiddle, worstMiddleAnyQ, frames) = (0.0, 0.0, 0.0, 0);
        var band = settings.QRangeNm!.Value;
        const int slice = 1;
        var path = folder.File("corrected.h5");
        PhantomCorrection.Run(phantom, settings, slice, path);
        using var file = Hdf5File.Open(path);
        var box = CorrectedFile.ReadBox(file);
        var gain = PhantomCorrection.IndependentGain(phantom, box);
        var mask = PhantomCorrection.Mask(file);
        var q = box.Crop<double>(TomoSaxs.Geometry.PixelMap.Create(TomoSaxs.Formats.Nexus.DawnCalibrationFile.Read(phantom.Definition.Raw.Calibration).ToPoni(), spec.Detector.Rows, spec.Detector.Columns).QNm, spec.Detector.Columns);
        for (var angle = 0; angle < PhantomCorrection.Angles(file); angle++)
        {
            var offsets = CorrectedFile.ReadPerFrame(file, angle, "offset_um");
            var phis = CorrectedFile.ReadPerFrame(file, angle, "buffer_fraction");
            var thickness = CorrectedFile.ReadPerFrame(file, angle, "thickness_um");
            for (var position = 0; position < offsets.Length; position++)
            {
                var delta = offsets[position];
                var truth = PhantomCorrection.Truth(phantom, box, angle, slice, position);
                if (truth is null || Math.Abs(delta) >= ri - 3 * step)
                {
                    continue;
                }

                frames++;
                var corrected = CorrectedFile.ReadFrame(file, angle, position);
                var dIn = 2 * Math.Abs(delta) / Math.Sqrt(ri * ri - delta * delta);
                var dKapton = Math.Abs(2 * Math.Abs(delta) / Math.Sqrt(ro * ro - delta * delta) - dIn);
                for (var i = 0; i < truth.Length; i++)
                {
                    if (mask[i])
                    {
                        continue;
                    }

                    var k = spec.Scattering.Kapton;
                    var x = q[i] / k.QNm;
                    var sigmaK = k.A / ((1 + x * x) * (1 + x * x)) + k.B;
                    var sigmaB = spec.Scattering.Buffer.C0 + spec.Scattering.Buffer.C1 * q[i] * q[i];
                    var bound = gainCounts * (sigmaK * dKapton + (1 - phis[position]) * (sigmaK * dKapton + sigmaB * dIn)) * step / 2 / thickness[position]
                        + 1e-5 * Math.Abs(truth[i]);
                    var error = Math.Abs(corrected[i] / gain[i] - truth[i]);
                    Assert.True(error <= bound, $"angle {angle}, position {position} (δ = {delta:F0} µm), pixel {i}: error {error:E3} > bound {bound:E3}");
                    worstRatio = Math.Max(worstRatio, error / bound);
                    if (Math.Abs(delta) < ri / 2)
                    {
                        var relative = error / Math.Abs(truth[i]);
                        worstMiddleAnyQ = Math.Max(worstMiddleAnyQ, relative);
                        if (q[i] >= band.Min && q[i] <= band.Max)
                        {
                            worstMiddle = Math.Max(worstMiddle, relative);
                        }
                    }
                }
            }
        }

        output.WriteLine($"{frames} frames; worst error/bound {worstRatio:F3}; worst relative error in the middle (|δ| < R_i/2): " +
            $"{worstMiddle:P3} in Integrate's q range {band.Min:F3}–{band.Max:F3} nm⁻¹, {worstMiddleAnyQ:P3} at any q of the box");
        Assert.True(frames > 50);
        Assert.True(worstMiddle < 0.005, $"worst relative error in the middle {worstMiddle:P3}");
    }
}

/// <summary>Acceptance 3: Poisson phantom (aligned grids), q bins of ≥ 500 pixels.</summary>
public class PoissonTests(AlignedPoissonPhantom phantom, ITestOutputHelper output) : IClassFixture<AlignedPoissonPhantom>
{
    /// <summary>
    /// Per angle of one slice, stored pixels of every frame with sample are pooled into 8 q bins over their q range (each
    /// far above 500 pixels); the mean of I/G − truth in a bin is within 4 standard errors of 0 (SE from the spread of
    /// the residuals, which is the propagated Poisson noise of the three frames); the global scale Σ(I/G)/Σ truth is
    /// within 0.5% of 1. Default corrections (self-absorption on: a ≤ 1e-5 effect at these angles).
    /// </summary>
    [Fact]
    public void Binned_means_are_within_four_standard_errors_and_the_scale_within_half_a_percent()
    {
        var settings = CorrectSettings.From(phantom.Definition);
        using var folder = new TemporaryDirectory();
        const int slice = 1;
        const int bins = 8;
        var path = folder.File("corrected.h5");
        PhantomCorrection.Run(phantom, settings, slice, path);
        using var file = Hdf5File.Open(path);
        var box = CorrectedFile.ReadBox(file);
        var gain = PhantomCorrection.IndependentGain(phantom, box);
        var mask = PhantomCorrection.Mask(file);
        var spec = phantom.Plan.Spec;
        var q = box.Crop<double>(TomoSaxs.Geometry.PixelMap.Create(TomoSaxs.Formats.Nexus.DawnCalibrationFile.Read(phantom.Definition.Raw.Calibration).ToPoni(), spec.Detector.Rows, spec.Detector.Columns).QNm, spec.Detector.Columns);
        // Bins over the stored pixels' q range (pixels outside it carry the fill value).
        var storedQ = q.Where((_, i) => !mask[i]).ToArray();
        var (qMin, qMax) = (storedQ.Min(), storedQ.Max() + 1e-12);
        var (sumCorrected, sumTruth, worstZ, minPixels) = (0.0, 0.0, 0.0, int.MaxValue);
        for (var angle = 0; angle < PhantomCorrection.Angles(file); angle++)
        {
            var n = new long[bins];
            var sum = new double[bins];
            var sum2 = new double[bins];
            for (var position = 0; position < phantom.Plan.Positions; position++)
            {
                var truth = PhantomCorrection.Truth(phantom, box, angle, slice, position);
                if (truth is null)
                {
                    continue;
                }

                var corrected = CorrectedFile.ReadFrame(file, angle, position);
                for (var i = 0; i < truth.Length; i++)
                {
                    if (mask[i])
                    {
                        continue;
                    }

                    var value = corrected[i] / gain[i];
                    var residual = value - truth[i];
                    var b = (int)((q[i] - qMin) / (qMax - qMin) * bins);
                    n[b]++;
                    sum[b] += residual;
                    sum2[b] += residual * residual;
                    sumCorrected += value;
                    sumTruth += truth[i];
                }
            }

            for (var b = 0; b < bins; b++)
            {
                Assert.True(n[b] >= 500, $"angle {angle}, bin {b}: {n[b]} pixels");
                minPixels = (int)Math.Min(minPixels, n[b]);
                var mean = sum[b] / n[b];
                var se = Math.Sqrt((sum2[b] / n[b] - mean * mean) / (n[b] - 1));
                var z = Math.Abs(mean) / se;
                Assert.True(z < 4, $"angle {angle}, q bin {b}: mean residual {mean:E3} is {z:F2} standard errors from 0");
                worstZ = Math.Max(worstZ, z);
            }
        }

        var scale = sumCorrected / sumTruth;
        output.WriteLine($"worst |mean|/SE {worstZ:F2} over {PhantomCorrection.Angles(file)} angles × {bins} q bins (≥ {minPixels} pixels each); global scale {scale:F5}");
        Assert.InRange(scale, 0.995, 1.005);
    }
}
