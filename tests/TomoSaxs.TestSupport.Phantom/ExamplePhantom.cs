using TomoSaxs.Phantom;
using TomoSaxs.Scan;

namespace TomoSaxs.TestSupport.Phantom;

/// <summary>
/// The committed <c>example</c> preset (scans/example/scan.yaml) generated into a temporary folder: <c>scan.yaml</c>
/// with its raw paths re-rooted to <c>raw/</c>, the raw files, and <c>truth/</c> (docs/phantom.md). Generating it
/// takes a few seconds, so test classes share one instance as an xunit class or collection fixture.
/// </summary>
public class ExamplePhantom : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    /// <summary>Generates the example with its own seed and noise setting.</summary>
    public ExamplePhantom()
        : this(noise: null)
    {
    }

    /// <summary>Generates the example, with the noise switch replaced when given.</summary>
    protected ExamplePhantom(bool? noise)
        : this(noise, [])
    {
    }

    /// <summary>Generates the example with the noise switch replaced when given and <c>--set</c>-style overrides
    /// (<c>phantom.beam.gain=3e-3</c>, <c>correct.mode=background</c>, …) applied to the definition (scan.yaml on
    /// disk stays the preset's).</summary>
    protected ExamplePhantom(bool? noise, IReadOnlyList<string> overrides)
    {
        Overrides = overrides;
        ScanFile = PhantomPresets.WriteScanFolder("example", folder.Path, noise: noise);
        Definition = PhantomDefinition.Load(ScanFile, overrides);
        Plan = PhantomScan.Plan(Definition);
        PhantomScan.Generate(Plan, Truth, Path.Combine(folder.Path, "parts"));
    }

    /// <summary>The overrides applied to <see cref="Definition"/>.</summary>
    public IReadOnlyList<string> Overrides { get; }

    /// <summary>The folder holding scan.yaml, raw/, truth/ and parts/.</summary>
    public string Folder => folder.Path;

    /// <summary>The generated scan.yaml.</summary>
    public string ScanFile { get; }

    /// <summary>The truth folder.</summary>
    public string Truth => Path.Combine(folder.Path, "truth");

    /// <summary>The scan definition as the phantom read it.</summary>
    public ScanDefinition Definition { get; }

    /// <summary>The phantom's plan (geometry, fibres, beam paths).</summary>
    public PhantomPlan Plan { get; }

    /// <summary>A file in <c>truth/</c>.</summary>
    public string TruthFile(string name) => Path.Combine(Truth, name);

    /// <inheritdoc />
    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The example preset without counting noise (CT noise as in the preset).</summary>
public sealed class NoiseFreeExamplePhantom() : ExamplePhantom(noise: false);
