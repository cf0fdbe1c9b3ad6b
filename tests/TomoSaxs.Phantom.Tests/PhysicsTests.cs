using TomoSaxs.FibreModel;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Geometry;
using TomoSaxs.Integration;
using Xunit.Abstractions;

namespace TomoSaxs.Phantom.Tests;

/// <summary>
/// The phantom's frames against its truth (issue acceptance 7), on the noise-free tiny scan. What is compared:
/// for each beam path, the project's integrator (<see cref="AzimuthalBandOperator"/>: bounding-box splitting,
/// pipeline χ, 180 bins over [90°, 270°), peak band q0 ± 0.01 nm⁻¹) applied to the stored frame, divided by
/// gain·I0·t·T with I0, It and t read from the file, against the same operator (the same pixel weights c_pj and
/// solid angles: Σ c·x / Σ c·Ω) applied to the test's own analytic image of that path — Σ over the fibres in
/// truth of w·a·(fibre model at the pixel's q, χ) plus the documented background terms with the truth's path
/// lengths. The band mean over pixels is the quantity the pipeline measures, so this oracle is exact up to the
/// integer rounding of the counts; a q-grid mean of the fibre model (<see cref="FibreProfiles"/>) is only
/// expected to match in shape and peak position, which the second test checks.
/// </summary>
public sealed class PhysicsTests(NoiseFreeScanFixture fixture, ITestOutputHelper output) : IClassFixture<NoiseFreeScanFixture>
{
    private static readonly ValueRange PeakBand = new(0.282179 - 0.01, 0.282179 + 0.01);

    [Fact]
    public void Integrated_band_mean_I_chi_equals_the_analytic_oracle_within_1e_3_at_the_peaks()
    {
        var scan = fixture.Scan;
        var truth = new TruthFiles(scan.Truth);
        var analytic = new AnalyticFrame(truth);
        var band = BandOperator(scan);
        var worst = 0.0;
        var compared = 0;
        for (var angle = 0; angle < truth.Angles.Length; angle++)
        {
            using var file = I22Scan.Open(scan.Plan.Outputs.Saxs[angle]);
            var incident = file.ReadIncidentFlux();
            var transmitted = file.ReadTransmittedFlux();
            var times = file.ReadCountTimesS();
            for (var slice = 0; slice < truth.Slices; slice++)
            {
                for (var position = 0; position < truth.Positions; position++)
                {
                    var path = truth.Index(angle, slice, position);
                    if (truth.Start[path + 1] == truth.Start[path])
                    {
                        continue;
                    }

                    var frame = file.ReadFrame<int>(slice, position).Pixels;
                    var scale = truth.Gain * incident[slice, position] * times[slice, position] * (transmitted[slice, position] / incident[slice, position]);
                    var measured = band.Integrate<int>(frame).Select(v => v / scale).ToArray();
                    var oracle = band.Integrate<double>(analytic.Signal(path));
                    var peak = oracle.Max();
                    for (var bin = 0; bin < oracle.Length; bin++)
                    {
                        if (oracle[bin] >= 0.5 * peak)
                        {
                            worst = Math.Max(worst, Math.Abs(measured[bin] - oracle[bin]) / oracle[bin]);
                            compared++;
                        }
                    }
                }
            }
        }

        output.WriteLine($"largest relative difference at the peaks: {worst:E2} over {compared} χ bins");
        Assert.True(compared > 100, $"only {compared} peak bins were compared");
        Assert.True(worst < 1e-3, $"largest relative difference at the peaks is {worst:E3}");
    }

    [Fact]
    public void Where_one_fibre_dominates_the_measured_arc_sits_where_the_fibre_model_profile_puts_it()
    {
        // A check of the frames' χ convention independent of this file's geometry code: the fibre part of the
        // measured band mean (frame / (gain·I0·t·T) minus the oracle's background terms) against the q-grid profile
        // of the FibreModel library on the pipeline χ grid (model χ = pipeline χ on [90°, 270°)). Centroids over
        // ±15° are compared: a 1° bin of this small detector's band holds only a few pixels, so single-bin peaks
        // are jagged, while a χ sign or offset error would move the centroid by tens of degrees.
        var scan = fixture.Scan;
        var truth = new TruthFiles(scan.Truth);
        var analytic = new AnalyticFrame(truth);
        var band = BandOperator(scan);
        var chi = band.ChiCentresDeg.ToArray();
        var grid = EwaldGrid.Create(ProfileGrids.Linspace(PeakBand.Lower, PeakBand.Upper, 30), chi, analytic.WavelengthNm);
        const int window = 15;
        var checkedPaths = 0;
        var worst = 0.0;
        for (var angle = 0; angle < truth.Angles.Length; angle++)
        {
            using var file = I22Scan.Open(scan.Plan.Outputs.Saxs[angle]);
            var incident = file.ReadIncidentFlux();
            var transmitted = file.ReadTransmittedFlux();
            for (var slice = 0; slice < truth.Slices; slice++)
            {
                for (var position = 0; position < truth.Positions; position++)
                {
                    var path = truth.Index(angle, slice, position);
                    var crossings = truth.Crossings(path).ToList();
                    var profiles = crossings.Select(c =>
                    {
                        var profile = new double[chi.Length];
                        FibreProfiles.ChiProfile(grid, truth.Kernel(c.Number, c.Alpha, c.Beta), truth.Amplitude(c.Number), c.Weight, profile);
                        return profile;
                    }).ToList();
                    if (profiles.Count == 0)
                    {
                        continue;
                    }

                    var strongest = profiles.MaxBy(p => p.Max())!;
                    var others = profiles.Where(p => p != strongest).Select(p => p.Max()).DefaultIfEmpty(0).Max();
                    var peakBin = Array.IndexOf(strongest, strongest.Max());
                    if (strongest.Max() < 10 || strongest.Max() < 20 * others || peakBin < window || peakBin >= chi.Length - window)
                    {
                        continue;
                    }

                    var scale = truth.Gain * incident[slice, position] * (transmitted[slice, position] / incident[slice, position]);
                    var measured = band.Integrate<int>(file.ReadFrame<int>(slice, position).Pixels);
                    var background = band.Integrate<double>(analytic.Signal(path, fibres: false));
                    var fibrePart = measured.Select((v, bin) => v / scale - background[bin]).ToArray();
                    var offset = Math.Abs(Centroid(fibrePart, chi, peakBin, window) - Centroid(strongest, chi, peakBin, window));
                    worst = Math.Max(worst, offset);
                    Assert.True(offset <= 1.5, $"path {path}: measured arc centroid and fibre-model centroid differ by {offset:F2}°");
                    checkedPaths++;
                }
            }
        }

        output.WriteLine($"{checkedPaths} single-fibre paths checked; largest centroid offset {worst:F2}°");
        Assert.True(checkedPaths >= 3, $"only {checkedPaths} paths are dominated by one strong fibre with its arc inside [105°, 255°)");
    }

    private static double Centroid(double[] profile, double[] chi, int centre, int window)
    {
        double sum = 0, weighted = 0;
        for (var bin = centre - window; bin <= centre + window; bin++)
        {
            sum += profile[bin];
            weighted += profile[bin] * chi[bin];
        }

        return weighted / sum;
    }

    [Fact]
    public void Frame_sums_and_transmission_match_the_path_lengths_in_truth()
    {
        var scan = fixture.Scan;
        var truth = new TruthFiles(scan.Truth);
        var analytic = new AnalyticFrame(truth);
        var mask = DawnMaskFile.Read(scan.Plan.Outputs.Mask);
        var (outer, inner) = (truth.Registration.GetProperty("tube").GetProperty("outer_radius_um").GetDouble(),
            truth.Registration.GetProperty("tube").GetProperty("inner_radius_um").GetDouble());
        var slices = truth.Registration.GetProperty("slices");
        var angle = 1;
        var tubeCentres = truth.Registration.GetProperty("angles")[angle].GetProperty("tube_centre_motor_x_mm_per_slice");
        using var file = I22Scan.Open(scan.Plan.Outputs.Saxs[angle]);
        var sums = file.ReadFrameSums();
        var incident = file.ReadIncidentFlux();
        var transmitted = file.ReadTransmittedFlux();
        var x = file.ReadXPositionsUm();
        var worstSum = 0.0;
        for (var slice = 0; slice < truth.Slices; slice++)
        {
            Assert.Equal(slices[slice].GetProperty("slice").GetInt32(), slice);
            for (var position = 0; position < truth.Positions; position++)
            {
                var path = truth.Index(angle, slice, position);
                // The Kapton path from the tube's position in registration.json: two chords of the wall.
                var offset = x[position] - tubeCentres[slice].GetDouble() * 1000;
                var kapton = Chord(outer, offset) - Chord(inner, offset);
                Assert.Equal(kapton, truth.Kapton[path], 1e-6);
                Assert.True(truth.Buffer[path] + truth.Sample[path] <= Chord(inner, offset) + 1e-6);

                var transmission = AnalyticFrame.Transmission(truth.Spec, truth.Kapton[path], truth.Buffer[path], truth.Sample[path]);
                Assert.Equal(transmission, transmitted[slice, position] / incident[slice, position], 1e-12);

                var frame = file.ReadFrame<int>(slice, position).Pixels;
                Assert.Equal(frame.Sum(v => (long)v), sums[slice, position]);
                var scale = truth.Gain * incident[slice, position] * transmission;
                var signal = analytic.Signal(path);
                double expected = 0, gaps = 0, counted = 0;
                for (var p = 0; p < frame.Length; p++)
                {
                    if (frame[p] == -1)
                    {
                        gaps++;
                    }
                    else if (frame[p] != 0 || !mask.IsExcluded(p))
                    {
                        expected += scale * signal[p];
                        counted++;
                    }
                }

                // Rounding moves each counted pixel by at most ½; beamstop pixels (masked, reading 0) count nothing.
                var difference = Math.Abs(sums[slice, position] - (expected - gaps));
                Assert.True(difference <= 0.5 * counted, $"path {path}: frame sum {sums[slice, position]}, truth {expected - gaps}");
                worstSum = Math.Max(worstSum, difference / counted);
            }
        }

        output.WriteLine($"largest frame-sum difference per counted pixel: {worstSum:E2} (rounding bound 0.5)");
    }

    [Fact]
    public void Line_scans_hold_Kapton_and_buffer_only_with_their_own_tube_centre()
    {
        var scan = fixture.Scan;
        var truth = new TruthFiles(scan.Truth);
        var lines = truth.Registration.GetProperty("line_scans");
        var tube = truth.Registration.GetProperty("tube");
        var (outer, inner) = (tube.GetProperty("outer_radius_um").GetDouble(), tube.GetProperty("inner_radius_um").GetDouble());
        foreach (var (file, centreKey, buffer) in new[]
                 {
                     (scan.Plan.Outputs.Background, "background_tube_centre_motor_x_mm", false),
                     (scan.Plan.Outputs.Buffer, "buffer_tube_centre_motor_x_mm", true),
                 })
        {
            using var lineScan = I22Scan.Open(file);
            Assert.True(lineScan.IsLineScan);
            var x = lineScan.ReadXPositionsUm();
            var centre = lines.GetProperty(centreKey).GetDouble() * 1000;
            var incident = lineScan.ReadIncidentFlux();
            var transmitted = lineScan.ReadTransmittedFlux();
            for (var k = 0; k < x.Length; k++)
            {
                var kapton = Chord(outer, x[k] - centre) - Chord(inner, x[k] - centre);
                var liquid = buffer ? Chord(inner, x[k] - centre) : 0;
                var expected = AnalyticFrame.Transmission(truth.Spec, kapton, liquid, 0);
                Assert.Equal(expected, transmitted[0, k] / incident[0, k], 1e-12);
            }

            // The raster's grid and the line scan's differ (shifted and differently spaced).
            Assert.NotEqual(Math.Round(x[1] - x[0], 6), Math.Round(truth.MotorXMm[1] * 1000 - truth.MotorXMm[0] * 1000, 6));
        }
    }

    private static AzimuthalBandOperator BandOperator(GeneratedScan scan)
    {
        var poni = DawnCalibrationFile.Read(scan.Plan.Outputs.Calibration).ToPoni();
        var mask = DawnMaskFile.Read(scan.Plan.Outputs.Mask);
        var map = PixelMap.Create(poni, mask.Rows, mask.Cols);
        return AzimuthalBandOperator.Build(map, mask,
            new AzimuthalBandSpec(PeakBand, 180, new ValueRange(90, 270), 30, AzimuthConvention.Pipeline, PixelSplitting.BoundingBox));
    }

    private static double Chord(double radius, double offset) =>
        Math.Abs(offset) >= radius ? 0 : 2 * Math.Sqrt(radius * radius - offset * offset);
}
