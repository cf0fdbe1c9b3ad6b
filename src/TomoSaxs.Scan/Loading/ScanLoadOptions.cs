namespace TomoSaxs.Scan;

/// <summary>When the raw input paths of scan.yaml must already exist.</summary>
public enum RawFileCheck
{
    /// <summary>
    /// Check them unless the scan has a <c>phantom:</c> block: a synthetic scan's raw files are written by the
    /// Phantom stage, so they cannot exist before the build starts.
    /// </summary>
    Auto,

    /// <summary>Always check (e.g. after the Phantom stage has run).</summary>
    Always,

    /// <summary>Never check (e.g. to print a definition on a machine without the data).</summary>
    Never,
}

/// <summary>Options of <see cref="ScanDefinitionLoader.Load"/>.</summary>
public sealed record ScanLoadOptions
{
    /// <summary>The defaults: the pipeline's stage catalog, automatic raw-file checks, no phantom schema.</summary>
    public static ScanLoadOptions Default { get; } = new();

    /// <summary>The stages and parameters scan.yaml and <c>--set</c> may name.</summary>
    public StageCatalog Catalog { get; init; } = StageCatalog.Default;

    /// <summary>When raw input paths must exist.</summary>
    public RawFileCheck RawFileCheck { get; init; } = RawFileCheck.Auto;

    /// <summary>
    /// Checks the content of the <c>phantom:</c> mapping, reporting problems through the reader (and calling
    /// <see cref="YamlMappingReader.ReportUnknownKeys"/> itself). Null accepts any mapping unchecked.
    /// </summary>
    public Action<YamlMappingReader>? PhantomSchema { get; init; }
}
