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
/// <param name="Inputs">Files it reads.</param>
/// <param name="Outputs">Files it writes; at least one.</param>
public sealed record StageDeclaration(
    string Name,
    string Version,
    IReadOnlyList<string> ParameterSections,
    bool PerSlice,
    IReadOnlyList<StageFile> Inputs,
    IReadOnlyList<StageFile> Outputs)
{
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
            foreach (var file in Inputs.Concat(Outputs).Where(f => ArtifactLayout.IsPerSlice(f.Path)))
            {
                yield return $"Stage {Name} runs once per scan but declares the per-slice path {file.Path}.";
            }
        }

        foreach (var repeated in Outputs.GroupBy(f => f.Path, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Stage {Name} declares the output {repeated.Key} twice.";
        }
    }
}
