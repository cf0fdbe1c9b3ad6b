using TomoSaxs.Scan;

namespace TomoSaxs.Phantom;

/// <summary>Loads synthetic scans: scan.yaml with its <c>phantom:</c> block checked by <see cref="PhantomSpecReader"/>.</summary>
public static class PhantomDefinition
{
    /// <summary>The loader options that check the phantom block (raw files are not required to exist unless asked).</summary>
    public static ScanLoadOptions LoadOptions(RawFileCheck rawFiles = RawFileCheck.Auto) =>
        new() { PhantomSchema = PhantomSpecReader.Check, RawFileCheck = rawFiles };

    /// <summary>Loads and validates a scan definition, phantom block included.</summary>
    /// <exception cref="ScanDefinitionException">Anything is wrong; carries every problem found.</exception>
    public static ScanDefinition Load(string definitionFile, IEnumerable<string>? overrides = null, RawFileCheck rawFiles = RawFileCheck.Auto) =>
        ScanDefinitionLoader.Load(definitionFile, overrides, LoadOptions(rawFiles));

    /// <summary>The typed phantom block of a loaded definition.</summary>
    /// <exception cref="ScanDefinitionException">The definition has no phantom block, or it is invalid.</exception>
    public static PhantomSpec SpecOf(ScanDefinition definition)
    {
        if (definition.Phantom is null)
        {
            throw new ScanDefinitionException(definition.DefinitionFile,
                [new ScanProblem(definition.DefinitionFile, "phantom", "the scan has no phantom block, so there is no synthetic scan to generate.")]);
        }

        var problems = new ScanProblemList();
        var context = new ScanReadContext(definition.DefinitionFile, problems, checkPathsExist: false);
        var spec = PhantomSpecReader.Read(new YamlMappingReader(definition.Phantom, "phantom", context));
        return spec ?? throw new ScanDefinitionException(definition.DefinitionFile, problems.InFileOrder());
    }
}
