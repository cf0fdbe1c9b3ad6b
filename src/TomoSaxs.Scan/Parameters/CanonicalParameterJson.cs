using System.Text;
using System.Text.Json;

namespace TomoSaxs.Scan;

/// <summary>
/// Writes parameter values as canonical JSON for parameter stamps: the build graph compares the text byte for
/// byte, so equal values must always give identical text (sorted keys, fixed number formatting, no white space).
/// </summary>
internal static class CanonicalParameterJson
{
    public static string Write(IReadOnlyDictionary<string, object> values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            foreach (var (name, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                json.WritePropertyName(name);
                switch (value)
                {
                    case double number:
                        // "R" gives the shortest text that reads back to the same double, the same on every runtime.
                        json.WriteRawValue(ScalarText.Format(number == 0 ? 0 : number));
                        break;
                    case int integer:
                        json.WriteNumberValue(integer);
                        break;
                    case bool flag:
                        json.WriteBooleanValue(flag);
                        break;
                    case string text:
                        json.WriteStringValue(text);
                        break;
                    case AutoOrNumber { IsAuto: true }:
                        json.WriteStringValue("auto");
                        break;
                    case AutoOrNumber pinned:
                        json.WriteRawValue(ScalarText.Format(pinned.Value == 0 ? 0 : pinned.Value));
                        break;
                    default:
                        throw new InvalidOperationException($"Parameter '{name}' has an unexpected value type {value.GetType().Name}.");
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
