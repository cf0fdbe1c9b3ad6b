namespace TomoSaxs.Pipeline;

/// <summary>
/// One build stage as its .targets file declares it (a <c>PipelineStage</c> item with its <c>StageInput</c> and
/// <c>StageOutput</c> items): what it reads, what it writes, which parameter sections it depends on and its
/// version. The parameter and version stamps are implicit inputs and are not listed here.
/// </summary>
/// <param name="Name">The stage (and MSBuild target) name, e.g. <c>Integrate</c>.</param>
/// <param name="Version">The stage version; bump it in the .targets file when the stage's results change.</param>
/// <param name="ParameterSections">The sections its parameter stamp holds (see <see cref="ParameterStamp"/>).</param>
/// <param name="PerSlice">True when the stage runs once per slice (target <c>&lt;Name&gt;Slice</c>).</param>
/// <param name="Inputs">Files it reads. A scan-level stage's per-slice input (declared with the slice token) stands
/// for that file of every slice of the scan, selected or not (see <see cref="ReadsAllSlices"/>).</param>
/// <param name="Outputs">Files it writes; at least one.</param>
public sealed record StageDeclaration(
    string Name,
    string Version,
    IReadOnlyList<string> ParameterSections,
    bool PerSlice,
    IReadOnlyList<StageFile> Inputs,
    IReadOnlyList<StageFile> Outputs)
{
    /// <summary>True for a scan-level stage that reads a per-slice file of every slice of the scan (e.g. an assembly).</summary>
    public bool ReadsAllSlices => !PerSlice && Inputs.Any(f => ArtifactLayout.IsPerSlice(f.Path));

    /// <summary>
    /// The concrete input files of one step: for a per-slice stage those of <paramref name="slice"/>; for a
    /// scan-level stage its scan files and each per-slice input once for every one of <paramref name="sliceCount"/>
    /// slices.
    /// </summary>
    public IReadOnlyList<string> ConcreteInputs(int? slice, int sliceCount) =>
        Inputs.SelectMany(f => slice is { } s ? [ArtifactLayout.ForSlice(f.Path, s)]
            : ArtifactLayout.IsPerSlice(f.Path) ? ArtifactLayout.ForAllSlices(f.Path, sliceCount)
            : [f.Path]).ToList();

    /// <summary>What is wrong with the declaration, one message per problem (empty when fine).</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Version))
        {
            yield return $"Stage {Name} has no Version; declare one (e.g. Version=\"1\") and bump it when its results change.";
        }

        if (Outputs.Count == 0)
        {
            yield return $"Stage {Name} declares no StageOutput; a stage without outputs can never be up to date.";
        }

        if (!PerSlice)
        {
            // Inputs may be per-slice (they gather every slice's file); an output must be one file per scan.
            foreach (var file in Outputs.Where(f => ArtifactLayout.IsPerSlice(f.Path)))
            {
                yield return $"Stage {Name} runs once per scan but declares the per-slice output {file.Path}.";
            }
        }

        foreach (var repeated in Outputs.GroupBy(f => f.Path, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Stage {Name} declares the output {repeated.Key} twice.";
        }
    }
}
