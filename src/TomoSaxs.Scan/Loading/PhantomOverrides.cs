using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Scan;

/// <summary>
/// <c>--set phantom.a.b=value</c>: overrides of the <c>phantom:</c> block, applied to its YAML before the phantom
/// schema reads it, so the value is checked (and stamped) exactly as if scan.yaml said it. Keys may be nested
/// (<c>phantom.raster.slices=3</c>); a missing intermediate mapping is created, and an unknown key is reported by the
/// schema like one written in the file.
/// </summary>
internal static class PhantomOverrides
{
    private const string Prefix = "phantom.";

    /// <summary>Whether <paramref name="argument"/> overrides the phantom block.</summary>
    public static bool IsPhantom(string argument) => argument.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Applies <paramref name="arguments"/> to <paramref name="phantom"/> (null when the scan has no block).</summary>
    public static void Apply(YamlMappingNode? phantom, IEnumerable<string> arguments, ScanProblemList problems)
    {
        foreach (var argument in arguments)
        {
            var source = $"--set {argument}";
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var keys = equals < 0 ? [] : argument[..equals].Split('.');
            if (equals < 0 || keys.Skip(1).Any(string.IsNullOrWhiteSpace) || keys.Length < 2)
            {
                problems.Add(source, "", $"expected phantom.key=value (e.g. phantom.seed=8), got '{argument}'.");
                continue;
            }

            if (phantom is null)
            {
                problems.Add(source, "phantom", "the scan has no phantom block to override.");
                continue;
            }

            Set(phantom, keys[1..], argument[(equals + 1)..].Trim(), source, problems);
        }
    }

    private static void Set(YamlMappingNode phantom, string[] keys, string value, string source, ScanProblemList problems)
    {
        var mapping = phantom;
        for (var depth = 0; depth < keys.Length - 1; depth++)
        {
            var key = new YamlScalarNode(keys[depth]);
            if (!mapping.Children.TryGetValue(key, out var child))
            {
                child = new YamlMappingNode();
                mapping.Children[key] = child;
            }

            if (child is not YamlMappingNode next)
            {
                problems.Add(source, Prefix + string.Join('.', keys[..(depth + 1)]), "is a value, not a mapping, so it has no keys to set.");
                return;
            }

            mapping = next;
        }

        mapping.Children[new YamlScalarNode(keys[^1])] = new YamlScalarNode(value);
    }
}
