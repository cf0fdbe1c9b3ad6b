using System.Reflection;
using TomoSaxs.Formats;
using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Phantom;

/// <summary>
/// The built-in synthetic scans: <c>example</c> (the committed scans/example/scan.yaml, small enough for CI) and
/// <c>bench</c> (scans/bench/scan.yaml: the real I22 Pilatus 2M frame size and geometry, for benchmarks). The
/// presets are those files, embedded at build time, so a preset and its committed scan always agree. Their raw
/// paths point under <c>../../artifacts/&lt;name&gt;/raw/</c> (the build's layout); <see cref="WriteScanFolder"/>
/// re-roots them into a folder of one's own.
/// </summary>
public static class PhantomPresets
{
    /// <summary>The preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["example", "bench"];

    /// <summary>The scan.yaml text of preset <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">There is no such preset.</exception>
    public static string Yaml(string name)
    {
        if (!Names.Contains(name))
        {
            throw new ArgumentException($"There is no phantom preset '{name}'; the presets are {string.Join(", ", Names)}.", nameof(name));
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"TomoSaxs.Phantom.Presets.{name}.yaml")
            ?? throw new InvalidOperationException($"The preset '{name}' is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Writes <c>scan.yaml</c> of preset <paramref name="name"/> into <paramref name="folder"/> with its raw paths
    /// re-rooted to <c>raw/…</c> in that folder, and the seed and noise switch replaced when given. Returns the
    /// scan.yaml path; the generator then writes the raw files beside it (truth conventionally in <c>truth/</c>).
    /// </summary>
    public static string WriteScanFolder(string name, string folder, int? seed = null, bool? noise = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Yaml(name)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var prefix = $"../../artifacts/{name}/";
        Reroot((YamlMappingNode)root.Children[new YamlScalarNode("raw")], prefix, name);
        var phantom = (YamlMappingNode)root.Children[new YamlScalarNode("phantom")];
        if (seed is { } s)
        {
            phantom.Children[new YamlScalarNode("seed")] = new YamlScalarNode(s.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (noise is { } n)
        {
            phantom.Children[new YamlScalarNode("noise")] = new YamlScalarNode(n ? "true" : "false");
        }

        var path = Path.Combine(Path.GetFullPath(folder), "scan.yaml");
        AtomicFile.Write(path, temporary =>
        {
            using var writer = new StreamWriter(temporary);
            writer.WriteLine($"# Generated from the '{name}' phantom preset (scans/{name}/scan.yaml) with its raw paths re-rooted here.");
            stream.Save(writer, assignAnchors: false);
        });
        return path;
    }

    private static void Reroot(YamlNode node, string prefix, string name)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var child in mapping.Children.Values)
                {
                    Reroot(child, prefix, name);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    Reroot(child, prefix, name);
                }

                break;
            case YamlScalarNode { Value: { } value } scalar when value.Contains('/'):
                scalar.Value = value.StartsWith(prefix, StringComparison.Ordinal)
                    ? value[prefix.Length..]
                    : throw new InvalidOperationException($"Preset '{name}' has the raw path '{value}', which is not under {prefix}.");
                break;
        }
    }
}
