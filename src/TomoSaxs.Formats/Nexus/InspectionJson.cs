using System.Text.Json;
using System.Text.Json.Serialization;

namespace TomoSaxs.Formats.Nexus;

/// <summary>Serialises an <see cref="InspectionReport"/> for <c>tomosaxs inspect --json</c>.</summary>
public static class InspectionJson
{
    /// <summary>The options used: camelCase names, enums as strings, indented, null fields left out, NaN and
    /// ±Infinity as strings.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The report as JSON text.</summary>
    public static string Serialize(InspectionReport report) => JsonSerializer.Serialize(report, Options);
}
