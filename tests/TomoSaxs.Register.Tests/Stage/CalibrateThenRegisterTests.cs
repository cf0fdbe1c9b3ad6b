using System.Diagnostics;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Calibrate.Stage;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Pipeline;
using TomoSaxs.Register.Output;
using TomoSaxs.Register.Stage;
using TomoSaxs.TestSupport;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>
/// End to end without MSBuild: the real Calibrate stage then the Register stage on the example phantom, the
/// registration read back from registration.h5 and measured against truth with the same figures and tolerances as
/// <see cref="RegistrationAcceptanceTests"/> (docs/register.md, "Acceptance").
/// </summary>
[Collection(RegisteredExampleCollection.Name)]
public sealed class CalibrateThenRegisterTests(RegisteredExample example, ITestOutputHelper output)
{
    [Fact]
    public void Calibrate_then_Register_meets_the_phantom_truth()
    {
        using var artifacts = new TemporaryDirectory();
        var scan = ScanContext.Load(example.Phantom.ScanFile, artifacts.Path, []);
        var watch = Stopwatch.StartNew();
        var calibrateOutputs = CalibrateOutputs.In(Path.Combine(artifacts.Path, "calibrate"));
        var log = new List<string>();
        var calibration = CalibrateStage.Run(
            new StageRun(scan, new StageIdentity(CalibrateStage.Name, "1", scan.Definition.Stages["calibrate"].ToCanonicalJson()), null, log.Add), calibrateOutputs);
        var calibrateSeconds = watch.Elapsed.TotalSeconds;
        var registrationFile = Path.Combine(artifacts.Path, "register", "registration.h5");
        var stage = new StageIdentity(RegisterStage.Name, "1", scan.Definition.Stages[TomoSaxs.Scan.RegisterParameters.StageName].ToCanonicalJson());
        RegisterStage.Run(new StageRun(scan, stage, null, log.Add), calibrateOutputs.Calibration, registrationFile);
        output.WriteLine($"Calibrate {calibrateSeconds:F1} s, Register {watch.Elapsed.TotalSeconds - calibrateSeconds:F1} s");
        foreach (var line in log.Where(l => l.StartsWith("Register", StringComparison.Ordinal) && !l.Contains('%')))
        {
            output.WriteLine(line);
        }

        var result = RegistrationFile.Read(registrationFile);
        var figures = AcceptanceFigures.Measure(result, example.Truth, calibration.CommonVoxelUm, calibration.Fibres.Shift.Z - example.Truth.CropStartXyz.Z);
        foreach (var line in figures.Lines())
        {
            output.WriteLine(line);
        }

        using (var file = Hdf5File.Open(registrationFile))
        {
            var attributes = file.Attributes("/").ToDictionary(a => a.Name, a => a.Value);
            Assert.Equal("Register", attributes["stage"]);
            Assert.Contains("\"vertical_offset_um\":\"auto\"", (string)attributes["parameters"]!);
        }

        Assert.Contains(log, line => line.Contains("vertical offset", StringComparison.Ordinal));
        // Both stages wrote their QC figures beside their outputs (contents checked in CalibrateFiguresTests and RegisterFiguresTests).
        var slice = RegisterFigures.SliceDrawn(result.Slices);
        Assert.True(File.Exists(Path.Combine(artifacts.Path, "calibrate", "qc", CalibrateFigures.CtMapFile)));
        Assert.Equal(2 + 2 * result.AnglesDeg.Count, Directory.GetFiles(RegisterFigures.Folder(registrationFile), "*.png").Length);
        Assert.True(File.Exists(Path.Combine(artifacts.Path, "register", "qc", RegisterFigures.FibresFile(result.AnglesDeg.Count - 1, slice))));
        Assert.True(figures.FiducialErrorPx <= 1, $"fiducial {figures.FiducialErrorPx:F2} CT px");
        Assert.True(figures.SlabErrorVoxels <= 1);
        Assert.All(figures.CentreErrorUm, error => Assert.True(error <= Math.Min(0.5, result.FibreVoxelUm / 2), $"tube centre error {error:F2} µm"));
        // The same rules as with the test calibration (RegistrationAcceptanceTests); measured the same figures.
        Assert.True(figures.EqualFraction >= 0.98, $"strictly equal sets {figures.EqualFraction:P2}");
        Assert.True(figures.EqualUpToGrazing >= 0.98 * figures.Paths, $"equal up to grazing fibres {figures.EqualUpToGrazing}/{figures.Paths}");
        Assert.Equal(figures.HeavyUnmatched, figures.HeavyUnmatchedAbsentFromSlab);
        Assert.True(figures.LargestUnmatchedWeight < 0.1, $"heaviest unmatched fibre {figures.LargestUnmatchedWeight:F3} voxels");
        Assert.True(figures.WorstAlphaDeg <= 1 && figures.WorstBetaDeg <= 1, $"α {figures.WorstAlphaDeg:F2}°, β {figures.WorstBetaDeg:F2}°");
        Assert.True(Math.Abs(figures.MeanSignedWeightError) <= 0.01, $"weight bias {figures.MeanSignedWeightError:P2}");
        Assert.True(figures.MedianWeightError <= 0.015, $"median weight error {figures.MedianWeightError:P2}");
        Assert.True(figures.HeavyWeightsWithin5Percent >= 0.99, $"heavy crossings within 5 % {figures.HeavyWeightsWithin5Percent:P2}");
        Assert.True(figures.WeightsWithin5Percent >= 0.99, $"crossings within 5 % {figures.WeightsWithin5Percent:P2}");
        Assert.Equal(0, figures.FibresLostBetweenAngles);
        // Item 3 literally: every path within 2 % (one step under three steps); measured 1728/1728, worst interior 0.46 %.
        Assert.Equal(figures.ThicknessPaths, figures.ThicknessWithinPlainTolerance);
        Assert.True(figures.WorstInteriorThicknessError <= 0.02, $"{figures.WorstInteriorThicknessError:P2}");
    }
}
