using System.Text.Json;

namespace TomoSaxs.Formats.Tests.Nexus;

/// <summary>Reads the expected.json files that describe the I22 test files.</summary>
internal static class ExpectedValues
{
    public static JsonElement Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(value => value.GetDouble())];

    public static long[] Longs(JsonElement array) => [.. array.EnumerateArray().Select(value => value.GetInt64())];

    /// <summary>A [slices][positions] JSON array, flattened row-major.</summary>
    public static double[] Flatten(JsonElement rows) =>
        [.. rows.EnumerateArray().SelectMany(row => row.EnumerateArray().Select(value => value.GetDouble()))];

    /// <summary>Asserts equality to a relative tolerance (the JSON numbers went through decimal text).</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative = 1e-12)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var tolerance = relative * Math.Max(1.0, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
