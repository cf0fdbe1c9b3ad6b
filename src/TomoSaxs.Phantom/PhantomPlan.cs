using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TomoSaxs.Scan;

namespace TomoSaxs.Phantom;

/// <summary>
/// Everything the phantom generator decides before writing a byte: the geometry, the fibres and their parameters,
/// the raster, and for every beam path the fibres crossed with their weights, the path lengths, transmission and
/// flux. A pure function of the scan definition and its <c>phantom:</c> block (deterministic from the seed), cheap
/// enough for every process of a fanned-out build to recompute; the detector's per-pixel arrays are built on first
/// use. Create with <see cref="PhantomScan.Plan(ScanDefinition)"/>.
/// </summary>
public sealed class PhantomPlan
{
    /// <summary>Bumped whenever the generated data change for the same inputs; part of <see cref="Fingerprint"/>.</summary>
    public const string GeneratorVersion = "phantom-3";

    private readonly Lazy<DetectorModel> detector;

    internal PhantomPlan(ScanDefinition definition, PhantomSpec spec)
    {
        Definition = definition;
        Spec = spec;
        if (definition.Raw.Buffer is null)
        {
            throw new ScanDefinitionException(definition.DefinitionFile,
                [new ScanProblem(definition.DefinitionFile, "raw.buffer", "a phantom scan writes a buffer line scan; give its path.")]);
        }

        Outputs = new PhantomOutputs(definition.Raw);
        AnglesDeg = [.. definition.Raw.Saxs.AnglesDeg];
        RotationSign = definition.Geometry.RotationSign;
        Frames = [.. AnglesDeg.Select(angle => new RotationFrame(angle, RotationSign))];
        Geometry = new SampleGeometry(definition.Geometry, spec.Sample, spec.Tube);

        var checks = new PhantomSpecChecks(definition);
        checks.CheckBeforeLayout(spec, Geometry);
        checks.ThrowIfAny();

        Ct = new CtLayout(spec.Ct, definition.Raw.Ct.LowResVoxelUm, definition.Raw.Ct.HighResVoxelUm, definition.Raw.Fibres.Scale, Geometry);
        Fibres = FibreLayout.Generate(Geometry, spec.Fibres, spec.Seed);
        checks.CheckLayout(spec, Ct, Fibres);
        checks.ThrowIfAny();

        Raster = new RasterLayout(spec.Raster, spec.Beam.FwhmUm ?? spec.Raster.StepUm, LateralReach());
        Paths = BeamPathBuilder.Build(this);
        Background = new LineScanLayout(LineScanKind.Background, spec.LineScans, Raster, Geometry, spec.Scattering, spec.Beam, spec.Seed);
        BufferScan = new LineScanLayout(LineScanKind.Buffer, spec.LineScans, Raster, Geometry, spec.Scattering, spec.Beam, spec.Seed);
        Fingerprint = ComputeFingerprint();
        detector = new Lazy<DetectorModel>(() => new DetectorModel(spec.Detector, spec.Scattering, spec.Seed));
    }

    /// <summary>The scan definition the plan was made from.</summary>
    public ScanDefinition Definition { get; }

    /// <summary>The typed <c>phantom:</c> block.</summary>
    public PhantomSpec Spec { get; }

    /// <summary>Where each raw file goes (the paths of scan.yaml's <c>raw:</c> section).</summary>
    public PhantomOutputs Outputs { get; }

    /// <summary>SHA-256 (hex) of everything that determines the data; written into every output so parts of different plans are never mixed.</summary>
    public string Fingerprint { get; }

    /// <summary>Rotation angles θ, degrees, in scan.yaml order (one SAXS file each).</summary>
    public IReadOnlyList<double> AnglesDeg { get; }

    /// <summary>s in β(θ) = β + s·θ.</summary>
    public int RotationSign { get; }

    /// <summary>The fibre segments, by number.</summary>
    public IReadOnlyList<FibreSegment> Fibres { get; }

    /// <summary>Number of raster slices.</summary>
    public int Slices => Raster.Slices;

    /// <summary>Number of beam positions per slice.</summary>
    public int Positions => Raster.Positions;

    internal RotationFrame[] Frames { get; }

    internal SampleGeometry Geometry { get; }

    internal CtLayout Ct { get; }

    internal RasterLayout Raster { get; }

    internal BeamPathTable Paths { get; }

    internal LineScanLayout Background { get; }

    internal LineScanLayout BufferScan { get; }

    internal DetectorModel Detector => detector.Value;

    /// <summary>The farthest any tube wall gets from the rotation axis at the raster's heights, plus the margin, µm.</summary>
    private double LateralReach()
    {
        var reach = 0.0;
        foreach (var h in new[] { Spec.Raster.FirstSliceHeightUm, Spec.Raster.FirstSliceHeightUm - (Spec.Raster.Slices - 1) * Spec.Raster.SliceStepUm })
        {
            var (x, z) = Geometry.TubeCentre(h);
            reach = Math.Max(reach, Math.Sqrt(x * x + z * z));
        }

        return reach + Geometry.OuterRadius + Spec.Raster.MarginUm;
    }

    private string ComputeFingerprint()
    {
        var raw = Definition.Raw;
        var inputs = new
        {
            GeneratorVersion,
            Definition.Name,
            Spec,
            Angles = AnglesDeg,
            RotationSign,
            Definition.Geometry.TubeOuterDiameterUm,
            Definition.Geometry.TubeWallUm,
            raw.Ct.HighResVoxelUm,
            raw.Ct.LowResVoxelUm,
            raw.Fibres.Scale,
        };
        var json = JsonSerializer.Serialize(inputs);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))).ToLowerInvariant();
    }
}
