using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TomoSaxs.Formats;

namespace TomoSaxs.Pipeline;

/// <summary>
/// The JSON form of a <see cref="ProvenanceRecord"/>, used as a sidecar beside TIFF, CSV and text artefacts. The
/// parameters are embedded as a JSON object (the stamp text itself), times are ISO 8601 UTC.
/// </summary>
public static class ProvenanceJson
{
    /// <summary>The record as indented JSON.</summary>
    public static string Write(ProvenanceRecord record)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
               {
                   Indented = true,
                   // Sidecars are read by people: keep '+', 'µ' and the like as they are (still valid JSON).
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            json.WriteStartObject();
            json.WriteString("tool", record.Tool.Name);
            json.WriteString("tool_version", record.Tool.Version);
            json.WriteString("git_commit", record.Tool.GitCommit);
            json.WriteString("stage", record.Stage.Name);
            json.WriteString("stage_version", record.Stage.Version);
            if (record.Slice is { } slice)
            {
                json.WriteNumber("slice", slice);
            }
            else
            {
                json.WriteNull("slice");
            }

            json.WritePropertyName("parameters");
            json.WriteRawValue(record.Stage.ParameterJson);
            json.WriteStartArray("inputs");
            foreach (var input in record.Inputs)
            {
                json.WriteStartObject();
                json.WriteString("path", input.Path);
                json.WriteNumber("size", input.Size);
                json.WriteString("modified_utc", Time(input.ModifiedUtc));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("started_utc", Time(record.StartedUtc.UtcDateTime));
            json.WriteString("written_utc", Time(record.WrittenUtc.UtcDateTime));
            json.WriteString("host", record.Host);
            json.WriteString("slurm_job_id", record.SlurmJobId);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a record written by <see cref="Write(ProvenanceRecord)"/>.</summary>
    /// <exception cref="JsonException">The text is not such a record.</exception>
    public static ProvenanceRecord Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string Text(string name) => root.GetProperty(name).GetString() ?? throw new JsonException($"'{name}' is null.");
        var slice = root.GetProperty("slice");
        return new ProvenanceRecord(
            new ToolIdentity(Text("tool"), Text("tool_version"), Text("git_commit")),
            new StageIdentity(Text("stage"), Text("stage_version"), CanonicalJson.Write(JsonNode.Parse(root.GetProperty("parameters").GetRawText()))),
            slice.ValueKind == JsonValueKind.Null ? null : slice.GetInt32(),
            root.GetProperty("inputs").EnumerateArray()
                .Select(input => new ProvenanceInput(
                    input.GetProperty("path").GetString()!, input.GetProperty("size").GetInt64(), ParseTime(input.GetProperty("modified_utc").GetString()!)))
                .ToList(),
            new DateTimeOffset(ParseTime(Text("started_utc"))),
            new DateTimeOffset(ParseTime(Text("written_utc"))),
            Text("host"),
            root.GetProperty("slurm_job_id").GetString());
    }

    /// <summary>Writes the sidecar of <paramref name="artefact"/> atomically.</summary>
    public static void WriteSidecar(string artefact, ProvenanceRecord record) =>
        AtomicFile.Write(ProvenanceRecord.SidecarPath(artefact), temporary => File.WriteAllText(temporary, Write(record)));

    private static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    private static DateTime ParseTime(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
