using System.Text.Json;
using TomoSaxs.Calibrate.Output;
using TomoSaxs.Calibrate.Stage;
using TomoSaxs.Pipeline;
using TomoSaxs.TestSupport;
using TomoSaxs.TestSupport.Phantom;

namespace TomoSaxs.Calibrate.Tests.Stage;

/// <summary>
/// The example phantom generated once for the test assembly, calibrated once with the default parameters; tests
/// compare the result with the phantom's truth (truth/registration.json, truth/fibres.csv).
/// </summary>
public sealed class CalibratedExample : IDisposable
{
    private readonly TemporaryDirectory artifacts = new();

    /// <summary>Generates the phantom and runs the stage.</summary>
    public CalibratedExample()
    {
        Phantom = new ExamplePhantom();
        Outputs = CalibrateOutputs.In(Path.Combine(artifacts.Path, "default", "calibrate"));
        Result = Run(Outputs, []);
        Truth = JsonDocument.Parse(File.ReadAllText(Phantom.TruthFile("registration.json")));
    }

    /// <summary>The generated example.</summary>
    public ExamplePhantom Phantom { get; }

    /// <summary>Where the default run wrote.</summary>
    public CalibrateOutputs Outputs { get; }

    /// <summary>What the default run returned.</summary>
    public CalibrationResult Result { get; }

    /// <summary>truth/registration.json.</summary>
    public JsonDocument Truth { get; }

    /// <summary>Runs the stage on the example with <paramref name="overrides"/> (<c>calibrate.x=…</c>) into <paramref name="outputs"/>.</summary>
    public CalibrationResult Run(CalibrateOutputs outputs, IReadOnlyList<string> overrides, List<string>? log = null) =>
        CalibrateStage.Run(RunOf(Phantom.ScanFile, outputs, overrides, log), outputs);

    /// <summary>A stage run of the scan <paramref name="scanFile"/> writing into the folder of <paramref name="outputs"/>.</summary>
    public static StageRun RunOf(string scanFile, CalibrateOutputs outputs, IReadOnlyList<string> overrides, List<string>? log = null)
    {
        var scanArtifacts = Path.GetDirectoryName(Path.GetDirectoryName(outputs.Calibration))!;
        var scan = ScanContext.Load(scanFile, scanArtifacts, overrides);
        var stage = new StageIdentity(CalibrateStage.Name, "1", scan.Definition.Stages["calibrate"].ToCanonicalJson());
        return new StageRun(scan, stage, null, line => log?.Add(line));
    }

    /// <summary>A fresh folder for another run's outputs.</summary>
    public CalibrateOutputs NewOutputs(string name) => CalibrateOutputs.In(Path.Combine(artifacts.Path, name, "calibrate"));

    /// <summary>A number of truth/registration.json at a path of property names.</summary>
    public double TruthNumber(params string[] path) => path.Aggregate(Truth.RootElement, (element, name) => element.GetProperty(name)).GetDouble();

    /// <inheritdoc />
    public void Dispose()
    {
        Truth.Dispose();
        Phantom.Dispose();
        artifacts.Dispose();
    }
}

/// <summary>The test classes sharing one <see cref="CalibratedExample"/>.</summary>
[CollectionDefinition(Name)]
public sealed class CalibratedExampleCollection : ICollectionFixture<CalibratedExample>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Calibrated example phantom";
}
