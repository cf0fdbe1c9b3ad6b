using System.Diagnostics;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Register.Output;
using TomoSaxs.Register.Stage;
using TomoSaxs.Phantom;
using TomoSaxs.Scan;
using TomoSaxs.TestSupport.Phantom;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>
/// The example phantom generated once, calibrated for the tests (<see cref="PhantomCalibration"/>) and registered
/// with the default parameters; shared by the Register stage tests through <see cref="RegisteredExampleCollection"/>.
/// </summary>
public sealed class RegisteredExample : IDisposable
{
    private readonly ExamplePhantom phantom = new();

    /// <summary>Generates, calibrates and registers.</summary>
    public RegisteredExample()
    {
        Truth = new PhantomTruth(phantom.Truth);
        (Calibration, Volumes) = PhantomCalibration.Build(phantom.Definition.Raw, phantom.Definition.Geometry, Truth);
        Input = RegistrationInputFiles.Read(phantom.Definition, Calibration, Volumes);
        var watch = Stopwatch.StartNew();
        Result = Registration.Compute(Input);
        RegistrationSeconds = watch.Elapsed.TotalSeconds;
    }

    /// <summary>The generated phantom (scan.yaml, raw, truth).</summary>
    public ExamplePhantom Phantom => phantom;

    /// <summary>Its truth.</summary>
    public PhantomTruth Truth { get; }

    /// <summary>The test calibration.</summary>
    public CalibrationResult Calibration { get; }

    /// <summary>The test calibration's volumes.</summary>
    public MemoryVolumes Volumes { get; }

    /// <summary>The registration input with the default parameters.</summary>
    public RegistrationInput Input { get; }

    /// <summary>The registration with the default parameters.</summary>
    public RegistrationResult Result { get; }

    /// <summary>How long <see cref="Registration.Compute"/> took, s.</summary>
    public double RegistrationSeconds { get; }

    /// <summary>The input with other register parameters, set as <c>--set</c> would.</summary>
    public RegistrationInput With(params string[] overrides)
    {
        var definition = PhantomDefinition.Load(phantom.ScanFile, overrides);
        return Input with { Parameters = RegisterParameters.From(definition.Stages), Geometry = definition.Geometry };
    }

    /// <inheritdoc />
    public void Dispose() => phantom.Dispose();
}

/// <summary>The Register stage tests that share one <see cref="RegisteredExample"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RegisteredExampleCollection : ICollectionFixture<RegisteredExample>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "registered example";
}
