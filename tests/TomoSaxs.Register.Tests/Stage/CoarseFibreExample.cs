using System.Text.RegularExpressions;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Phantom;
using TomoSaxs.Register.Output;
using TomoSaxs.Register.Stage;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>
/// The example phantom with its fibres traced at twice the high-res CT voxel (<c>raw.fibres.scale: 2</c>, 20 µm: the
/// 15–25 µm fibres are only 1.5–2.5 voxels across, against 3–5 at the preset's scale 1), calibrated for the tests
/// from truth (<see cref="PhantomCalibration"/>) and registered with the default parameters: how the fibre
/// cylinders hold up on coarse tracing.
/// </summary>
public sealed class CoarseFibreExample : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    /// <summary>Generates, calibrates and registers.</summary>
    public CoarseFibreExample()
    {
        var scanFile = PhantomPresets.WriteScanFolder("example", folder.Path);
        var text = File.ReadAllText(scanFile);
        var scale = new Regex(@"(\n\s+scale: )1(\s)");
        if (scale.Matches(text).Count != 1)
        {
            throw new InvalidOperationException($"The example preset's raw.fibres.scale is not 1 once: {scanFile}");
        }

        File.WriteAllText(scanFile, scale.Replace(text, "${1}2${2}"));
        var definition = PhantomDefinition.Load(scanFile);
        PhantomScan.Generate(PhantomScan.Plan(definition), Path.Combine(folder.Path, "truth"), Path.Combine(folder.Path, "parts"));
        Truth = new PhantomTruth(Path.Combine(folder.Path, "truth"));
        (Calibration, var volumes) = PhantomCalibration.Build(definition.Raw, definition.Geometry, Truth);
        MinBeamWeight = TomoSaxs.Scan.RegisterParameters.From(definition.Stages).MinBeamWeight;
        var input = RegistrationInputFiles.Read(definition, Calibration, volumes);
        Result = Registration.Compute(input);
        var offset = Truth.FiducialMotorYUm - Truth.FiducialCtZ * Truth.LowResVoxelUm;
        truthVertical = new Lazy<RegistrationResult>(() => Registration.Compute(input with
        {
            Parameters = input.Parameters with { VerticalOffsetUm = TomoSaxs.Scan.AutoOrNumber.Of(offset) },
        }));
    }

    private readonly Lazy<RegistrationResult> truthVertical;

    /// <summary>Its truth.</summary>
    public PhantomTruth Truth { get; }

    /// <summary>The test calibration.</summary>
    public CalibrationResult Calibration { get; }

    /// <summary>register.min_beam_weight, fibre voxels.</summary>
    public double MinBeamWeight { get; }

    /// <summary>The registration with the default parameters.</summary>
    public RegistrationResult Result { get; }

    /// <summary>The registration with the vertical offset pinned to truth (the fibre model's error alone).</summary>
    public RegistrationResult TruthVerticalResult => truthVertical.Value;

    /// <inheritdoc />
    public void Dispose() => folder.Dispose();
}
