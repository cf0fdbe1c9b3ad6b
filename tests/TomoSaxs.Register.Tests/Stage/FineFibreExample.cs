using System.Text.RegularExpressions;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Phantom;
using TomoSaxs.Register.Output;
using TomoSaxs.Register.Stage;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>
/// The example phantom with its fibres traced at the high-res CT voxel (<c>raw.fibres.scale: 1</c>, 10 µm: the
/// 15–25 µm fibres are 3–5 voxels across, as on the reference's data, 8.125 µm voxels, instead of 1.5–2.5 at the
/// preset's scale 2), calibrated for the tests from truth (<see cref="PhantomCalibration"/>) and registered with the
/// default parameters. The preset keeps scale 2: at scale 1 Calibrate's high-res offset, found in whole low-res
/// voxels (16 µm), can place the traced crop one fibre voxel from truth.
/// </summary>
public sealed class FineFibreExample : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    /// <summary>Generates, calibrates and registers.</summary>
    public FineFibreExample()
    {
        var scanFile = PhantomPresets.WriteScanFolder("example", folder.Path);
        var text = File.ReadAllText(scanFile);
        var scale = new Regex(@"(\n\s+scale: )2(\s)");
        if (scale.Matches(text).Count != 1)
        {
            throw new InvalidOperationException($"The example preset's raw.fibres.scale is not 2 once: {scanFile}");
        }

        File.WriteAllText(scanFile, scale.Replace(text, "${1}1${2}"));
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
