using TomoSaxs.Scan;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Phantom.Tests;

/// <summary>A phantom scan generated into a temporary folder: scan.yaml, raw/, truth/ and parts/.</summary>
internal sealed class GeneratedScan : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public GeneratedScan(string yaml, PhantomRunOptions? options = null, bool generate = true)
    {
        File.WriteAllText(DefinitionFile, yaml);
        Definition = PhantomDefinition.Load(DefinitionFile);
        Plan = PhantomScan.Plan(Definition);
        if (generate)
        {
            PhantomScan.Generate(Plan, Truth, Parts, options: options);
        }
    }

    public string Folder => folder.Path;

    public string DefinitionFile => Path.Combine(folder.Path, "scan.yaml");

    public string Truth => Path.Combine(folder.Path, "truth");

    public string Parts => Path.Combine(folder.Path, "parts");

    public ScanDefinition Definition { get; }

    public PhantomPlan Plan { get; }

    public string TruthFile(string name) => Path.Combine(Truth, name);

    public void Dispose() => folder.Dispose();
}

/// <summary>The tiny scan without counting noise and with a high gain (about 10⁴ counts at the fibre peaks), generated once for the read-back and physics tests.</summary>
public sealed class NoiseFreeScanFixture : IDisposable
{
    internal GeneratedScan Scan { get; } = new(TinyScan.Yaml(noise: false, gain: 3e-4, ctNoise: 0));

    public void Dispose() => Scan.Dispose();
}

/// <summary>The tiny scan with Poisson noise, generated once.</summary>
public sealed class NoisyScanFixture : IDisposable
{
    internal GeneratedScan Scan { get; } = new(TinyScan.Yaml());

    public void Dispose() => Scan.Dispose();
}
