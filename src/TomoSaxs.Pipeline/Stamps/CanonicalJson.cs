using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TomoSaxs.Pipeline;

/// <summary>
/// JSON text that depends only on the values: object keys sorted by ordinal order at every depth, no white
/// space, numbers as written by their source. Stamps are compared as text, so equal values must give equal text.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical text of <paramref name="node"/> (null writes <c>null</c>).</summary>
    public static string Write(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            Write(json, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Every leaf of <paramref name="json"/> by its dotted path (<c>integrate.chi_bins</c>, <c>list[2]</c>), its
    /// value as canonical text; for describing what changed between two stamps.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Leaves(string json)
    {
        var leaves = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Collect(JsonNode.Parse(json), "", leaves);
        return leaves;
    }

    private static void Write(Utf8JsonWriter json, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject members:
                json.WriteStartObject();
                foreach (var (name, value) in members.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    json.WritePropertyName(name);
                    Write(json, value);
                }

                json.WriteEndObject();
                break;
            case JsonArray items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            case null:
                json.WriteNullValue();
                break;
            default:
                node.WriteTo(json);
                break;
        }
    }

    private static void Collect(JsonNode? node, string path, IDictionary<string, string> leaves)
    {
        switch (node)
        {
            case JsonObject members when members.Count > 0:
                foreach (var (name, value) in members)
                {
                    Collect(value, path.Length == 0 ? name : $"{path}.{name}", leaves);
                }

                break;
            case JsonArray items when items.Count > 0:
                for (var i = 0; i < items.Count; i++)
                {
                    Collect(items[i], $"{path}[{i}]", leaves);
                }

                break;
            default:
                leaves[path] = Write(node);
                break;
        }
    }
}
