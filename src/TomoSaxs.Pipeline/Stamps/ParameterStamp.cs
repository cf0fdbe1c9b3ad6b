using System.Text.Json;
using System.Text.Json.Nodes;
using TomoSaxs.Scan;
using YamlDotNet.RepresentationModel;

namespace TomoSaxs.Pipeline;

/// <summary>
/// The content of a stage's parameter stamp: one JSON object holding, under each section the stage declares it
/// reads, the canonical values of that section. A section is a stage name under <c>stages:</c> (its
/// <see cref="StageParameters.ToCanonicalJson"/>), <c>geometry</c>, <c>raw</c> (the resolved input paths) or
/// <c>phantom</c> (the synthetic scan's block, scalars as written).
/// </summary>
public static class ParameterStamp
{
    /// <summary>The sections that are not stage names.</summary>
    public static IReadOnlyList<string> ScanSections { get; } = ["geometry", "raw", "phantom"];

    private static readonly JsonSerializerOptions RecordJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The stamp text for the given sections of <paramref name="scan"/> (no sections gives <c>{}</c>).</summary>
    /// <exception cref="ArgumentException">A section is neither a known stage nor a scan section.</exception>
    public static string Compose(ScanDefinition scan, IEnumerable<string> sections)
    {
        var stamp = new JsonObject();
        foreach (var section in sections.Distinct(StringComparer.Ordinal))
        {
            stamp[section] = Section(scan, section);
        }

        return CanonicalJson.Write(stamp);
    }

    /// <summary>
    /// What differs between a recorded stamp and the expected one, one entry per changed value, e.g.
    /// <c>integrate.chi_bins 180 → 360</c>; empty when the texts are equal.
    /// </summary>
    public static IReadOnlyList<string> Differences(string recorded, string expected)
    {
        if (recorded == expected)
        {
            return [];
        }

        IReadOnlyDictionary<string, string> before, after;
        try
        {
            before = CanonicalJson.Leaves(recorded);
            after = CanonicalJson.Leaves(expected);
        }
        catch (JsonException)
        {
            return ["the recorded stamp is not valid JSON"];
        }

        var changes = new List<string>();
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.TryGetValue(key, out var old);
            var has = after.TryGetValue(key, out var now);
            if (had && has && old != now)
            {
                changes.Add($"{key} {old} → {now}");
            }
            else if (had && !has)
            {
                changes.Add($"{key} no longer read");
            }
            else if (!had && has)
            {
                changes.Add($"{key} = {now} (new)");
            }
        }

        return changes.Count > 0 ? changes : ["the stamp text changed"];
    }

    private static JsonNode? Section(ScanDefinition scan, string section) => section switch
    {
        "geometry" => JsonSerializer.SerializeToNode(scan.Geometry, RecordJson),
        "raw" => JsonSerializer.SerializeToNode(scan.Raw, RecordJson),
        "phantom" => scan.Phantom is null ? null : FromYaml(scan.Phantom),
        _ when scan.Stages.Stages.Contains(section, StringComparer.Ordinal) => JsonNode.Parse(scan.Stages.CanonicalJson(section)),
        _ => throw new ArgumentException(
            $"'{section}' is not a parameter section: expected a stage under stages: " +
            $"({string.Join(", ", scan.Stages.Stages)}) or one of {string.Join(", ", ScanSections)}.", nameof(section)),
    };

    private static JsonNode? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(pair.Key is YamlScalarNode key ? key.Value ?? "" : pair.Key.ToString(), FromYaml(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(FromYaml).ToArray()),
        YamlScalarNode scalar => scalar.Value is null ? null : JsonValue.Create(scalar.Value),
        _ => JsonValue.Create(node.ToString()),
    };
}
