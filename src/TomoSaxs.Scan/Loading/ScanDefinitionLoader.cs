using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Scan;

/// <summary>
/// Loads and validates <c>scans/&lt;name&gt;/scan.yaml</c> (DESIGN §4) before anything runs. All problems —
/// unknown keys (with the nearest known key), missing keys, wrong types, missing files, inconsistent counts, out
/// of range values, bad <c>--set</c> overrides — are collected and thrown together.
/// </summary>
public static partial class ScanDefinitionLoader
{
    /// <summary>The top-level keys, for the message about an empty file.</summary>
    private const string TopLevelKeys = "name, raw, geometry, stages, slurm, phantom";

    /// <summary>
    /// Reads <paramref name="definitionFile"/>, applies <paramref name="overrides"/> (each
    /// <c>stage.param=value</c>), resolves relative paths against the file's folder and fills parameter defaults.
    /// </summary>
    /// <exception cref="ScanDefinitionException">Anything is wrong; carries every problem found.</exception>
    public static ScanDefinition Load(string definitionFile, IEnumerable<string>? overrides = null, ScanLoadOptions? options = null)
    {
        options ??= ScanLoadOptions.Default;
        var full = Path.GetFullPath(definitionFile);
        var problems = new ScanProblemList();
        var root = ReadRoot(full, problems);
        if (root is null)
        {
            throw new ScanDefinitionException(full, problems.InFileOrder());
        }

        var context = new ScanReadContext(full, problems, checkPathsExist: true);
        var reader = new YamlMappingReader(root, "", context);
        var definition = Read(reader, overrides ?? [], options);
        if (problems.Count > 0 || definition is null)
        {
            throw new ScanDefinitionException(full, problems.InFileOrder());
        }

        return definition;
    }

    private static ScanDefinition? Read(YamlMappingReader root, IEnumerable<string> overrides, ScanLoadOptions options)
    {
        var name = ReadName(root);
        // Before the block is read: the reader takes the mapping's entries when it is made.
        PhantomOverrides.Apply(root.Peek("phantom") as YamlMappingNode, overrides.Where(PhantomOverrides.IsPhantom), root.Context.Problems);
        var phantom = root.Mapping("phantom", required: false, "a mapping describing the synthetic scan");
        // Decided on the key's presence, not its validity: a malformed phantom block should give one problem, not
        // one "does not exist" per raw file as well.
        var declaresPhantom = root.Peek("phantom") is { } phantomNode && !YamlMappingReader.IsNull(phantomNode);
        var checkRawFiles = options.RawFileCheck switch
        {
            RawFileCheck.Always => true,
            RawFileCheck.Never => false,
            _ => !declaresPhantom,
        };

        var raw = RawSection.Read(root.Mapping("raw", required: true)?.WithPathChecks(checkRawFiles));
        var geometry = GeometrySection.Read(root.Mapping("geometry", required: true));
        var stages = StagesSection.Read(root, options.Catalog, overrides.Where(o => !PhantomOverrides.IsPhantom(o)), root.Context.Problems);

        var slurm = SlurmSection.Read(root.Mapping("slurm", required: false));
        if (phantom is not null)
        {
            options.PhantomSchema?.Invoke(phantom);
        }

        root.ReportUnknownKeys();
        return name is not null && raw is not null && geometry is not null && stages is not null && slurm is not null
            ? new ScanDefinition(name, root.Context.DefinitionFile, raw, geometry, stages, slurm, phantom?.Node)
            : null;
    }

    private static string? ReadName(YamlMappingReader root)
    {
        var name = root.Text("name", required: true)?.Trim();
        if (name is null)
        {
            return null;
        }

        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0)
        {
            root.Context.Report("name", $"expected a scan name without '/' or '\\', got '{name}'.", root.Peek("name"));
            return null;
        }

        return name;
    }

    private static YamlMappingNode? ReadRoot(string file, ScanProblemList problems)
    {
        if (!File.Exists(file))
        {
            problems.Add(file, "", Directory.Exists(file)
                ? "expected a scan.yaml file, found a folder."
                : "the scan definition file does not exist.");
            return null;
        }

        var stream = new YamlStream();
        Parser? parser = null;
        try
        {
            using var text = new StreamReader(file);
            parser = new Parser(text);
            stream.Load(parser);
        }
        catch (YamlException error)
        {
            // YamlDotNet prefixes its message with "(Line: …, Col: …, Idx: …) - (…): "; the position is kept separately.
            var message = LocationPrefix().Replace(error.Message, "");
            message = DuplicateKey().Replace(message, "the key '$1' is written twice in the same mapping");
            problems.Add(new ScanProblem(file, "", $"not valid YAML: {message}", (int)error.Start.Line, (int)error.Start.Column));
            return null;
        }
        catch (InvalidOperationException error)
        {
            // YamlDotNet's scanner throws this (without a position) on some unterminated flow collections; the
            // last token the parser accepted is the best position we have.
            var last = parser?.Current?.End;
            problems.Add(new ScanProblem(file, "",
                $"not valid YAML: unterminated or malformed text after this point, such as an unclosed '[' or '{{' ({error.Message})",
                last is null ? null : (int)last.Value.Line, last is null ? null : (int)last.Value.Column));
            return null;
        }
        catch (IOException error)
        {
            problems.Add(file, "", $"the file cannot be read: {error.Message}");
            return null;
        }

        if (stream.Documents.Count == 0 || YamlMappingReader.IsNull(stream.Documents[0].RootNode))
        {
            problems.Add(file, "", $"the file is empty; expected a mapping with the keys {TopLevelKeys}.");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            problems.Add(file, "", "the file holds several YAML documents ('---'); expected one.", stream.Documents[1].RootNode);
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            problems.Add(file, "", $"expected a mapping with the keys {TopLevelKeys}, got {YamlMappingReader.Show(node)}.", node);
            return null;
        }

        return root;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex LocationPrefix();

    [GeneratedRegex(@"^Duplicate key (.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DuplicateKey();
}
