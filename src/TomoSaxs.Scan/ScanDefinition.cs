using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Scan;

/// <summary>
/// A validated scan definition (DESIGN §4): <c>scans/&lt;name&gt;/scan.yaml</c> with <c>--set</c> overrides
/// applied, every path absolute and every stage parameter filled in. Load with <see cref="ScanDefinitionLoader"/>.
/// </summary>
/// <param name="Name">The scan name (<c>name:</c>), also used to find the sample in vox_padding.xlsx.</param>
/// <param name="DefinitionFile">The scan.yaml read (absolute).</param>
/// <param name="Raw">The raw inputs.</param>
/// <param name="Geometry">Tube and rotation geometry.</param>
/// <param name="Stages">Effective parameters of every stage.</param>
/// <param name="Slurm">SLURM settings (<see cref="SlurmSettings.None"/> when the file has no <c>slurm:</c>).</param>
/// <param name="Phantom">
/// The <c>phantom:</c> mapping of a synthetic scan, or null for a measured one. Its content is checked by the
/// phantom schema passed in <see cref="ScanLoadOptions.PhantomSchema"/>.
/// </param>
public sealed record ScanDefinition(
    string Name,
    string DefinitionFile,
    RawInputs Raw,
    ScanGeometry Geometry,
    StageParameterSet Stages,
    SlurmSettings Slurm,
    YamlMappingNode? Phantom)
{
    /// <summary>The folder holding scan.yaml; relative paths in it were resolved from here.</summary>
    public string ScanFolder => Path.GetDirectoryName(DefinitionFile) ?? DefinitionFile;

    /// <summary>True for a synthetic scan whose raw inputs the Phantom stage writes.</summary>
    public bool IsPhantom => Phantom is not null;
}
