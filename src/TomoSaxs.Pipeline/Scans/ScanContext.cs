using TomoSaxs.Phantom;
using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline;

/// <summary>
/// Everything a build knows about one scan before any stage runs: the validated definition (scan.yaml with the
/// <c>--set</c> overrides applied) and where its artefacts go. Stage code receives it through <see cref="StageRun"/>.
/// </summary>
public sealed class ScanContext
{
    private readonly Lazy<int> sliceCount;

    private ScanContext(ScanDefinition definition, ArtifactLayout layout, IReadOnlyList<string> overrides)
    {
        Definition = definition;
        Layout = layout;
        Overrides = overrides;
        sliceCount = new Lazy<int>(() => ScanSlices.Count(definition));
    }

    /// <summary>The validated scan definition.</summary>
    public ScanDefinition Definition { get; }

    /// <summary>Where the scan's artefacts live.</summary>
    public ArtifactLayout Layout { get; }

    /// <summary>The <c>--set</c> overrides applied, in command-line order.</summary>
    public IReadOnlyList<string> Overrides { get; }

    /// <summary>
    /// Loads and validates <paramref name="definitionFile"/> with <paramref name="overrides"/> (see
    /// <see cref="OverrideList"/>), its artefacts going to <paramref name="scanArtifactsDirectory"/>.
    /// The <c>phantom:</c> block is checked by the phantom's own reader (<see cref="PhantomDefinition.LoadOptions"/>),
    /// so a bad block fails here, with key paths, before any stage runs; <paramref name="rawFiles"/> says when raw
    /// files must exist.
    /// </summary>
    /// <exception cref="ScanDefinitionException">Anything is wrong; carries every problem the loader found.</exception>
    public static ScanContext Load(
        string definitionFile, string scanArtifactsDirectory, IEnumerable<string>? overrides = null, RawFileCheck rawFiles = RawFileCheck.Auto)
    {
        var list = overrides?.ToList() ?? [];
        var definition = ScanDefinitionLoader.Load(definitionFile, list, PhantomDefinition.LoadOptions(rawFiles));
        return new ScanContext(definition, new ArtifactLayout(scanArtifactsDirectory), list);
    }

    /// <summary>The number of slices; see <see cref="ScanSlices"/>.</summary>
    /// <exception cref="ScanDefinitionException">The scan does not state a usable slice count.</exception>
    public int SliceCount => sliceCount.Value;

    /// <summary>
    /// The slices named by <paramref name="slices"/> (a <c>--slices</c> list; null or blank = all), checked against
    /// <see cref="SliceCount"/>.
    /// </summary>
    /// <exception cref="ScanDefinitionException">The list is malformed or names a slice the scan does not have.</exception>
    public SliceSelection SelectSlices(string? slices) =>
        SliceSelection.TryParse(slices, SliceCount, out var problem)
        ?? throw CommandLineProblem($"--slices {slices}", problem!);

    /// <summary>Just <paramref name="slice"/> (a standalone per-slice run), checked against <see cref="SliceCount"/>.</summary>
    /// <exception cref="ScanDefinitionException">The scan has no such slice.</exception>
    public SliceSelection SelectSlice(int slice) =>
        SliceSelection.TryOne(slice, SliceCount, out var problem)
        ?? throw CommandLineProblem($"Slice={slice}", problem!);

    private ScanDefinitionException CommandLineProblem(string source, string message) =>
        new(Definition.DefinitionFile, [new ScanProblem(source, "", message)]);
}
