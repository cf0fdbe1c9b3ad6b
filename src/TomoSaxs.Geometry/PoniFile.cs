using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TomoSaxs.Geometry;

/// <summary>
/// A pyFAI <c>.poni</c> calibration file: the geometry plus the detector it was made for. Reads
/// <c>poni_version</c> 1 and 2 (and 2.1 with the default orientation) the way pyFAI 0.21.3's <c>PoniFile</c> does:
/// lines <c>key: value</c>, keys case-insensitive, lines starting with <c>#</c> or without a colon ignored, numbers
/// in any float notation (<c>0.88560148e-10</c>). Values in the file are SI (metres, radians).
/// </summary>
/// <param name="Geometry">The PONI geometry (µm, rad, nm inside the pipeline).</param>
/// <param name="DetectorName">The <c>Detector</c> line (pyFAI class name); <c>Detector</c> for a generic detector.</param>
/// <param name="DetectorShape">Full-frame [rows, cols] when the file or the named model gives it, else null.</param>
public sealed record PoniFile(PoniGeometry Geometry, string DetectorName, (int Rows, int Cols)? DetectorShape)
{
    private const string GenericDetector = "Detector";

    /// <summary>Reads and parses a <c>.poni</c> file.</summary>
    /// <param name="path">File path.</param>
    /// <exception cref="FormatException">The file is not a usable PONI file; the message names the file and key.</exception>
    public static PoniFile Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses the text of a <c>.poni</c> file.</summary>
    /// <param name="text">File contents.</param>
    /// <param name="sourceName">Name used in error messages (usually the path).</param>
    /// <exception cref="FormatException">A required key is missing or a value is malformed.</exception>
    public static PoniFile Parse(string text, string sourceName = "<poni text>")
    {
        var entries = ReadEntries(text);
        var version = ReadVersion(entries, sourceName);

        string detectorName = entries.GetValueOrDefault("detector", GenericDetector);
        double? pixel1 = null, pixel2 = null;
        (int, int)? shape = null;

        if (version == 1)
        {
            pixel1 = OptionalNumber(entries, "pixelsize1", sourceName);
            pixel2 = OptionalNumber(entries, "pixelsize2", sourceName);
        }
        else
        {
            if (!entries.TryGetValue("detector_config", out var config))
            {
                throw Error(sourceName, "Detector_config", "missing (required by poni_version 2)");
            }

            (pixel1, pixel2, shape) = ReadDetectorConfig(config, sourceName);
        }

        var known = KnownDetector.Find(detectorName);
        shape ??= known is null ? null : (known.Rows, known.Cols);
        var pixel1Um = pixel1 * 1e6 ?? known?.Pixel1Um
            ?? throw Error(sourceName, "Detector", $"'{detectorName}' is not a known detector and no pixel size is given");
        var pixel2Um = pixel2 * 1e6 ?? known?.Pixel2Um
            ?? throw Error(sourceName, "Detector", $"'{detectorName}' is not a known detector and no pixel size is given");

        var distance = OptionalNumber(entries, "distance", sourceName) ?? OptionalNumber(entries, "dist", sourceName)
            ?? throw Error(sourceName, "Distance", "missing");
        var geometry = new PoniGeometry(
            DistanceUm: distance * 1e6,
            Poni1Um: RequiredNumber(entries, "poni1", sourceName) * 1e6,
            Poni2Um: RequiredNumber(entries, "poni2", sourceName) * 1e6,
            Rot1Rad: OptionalNumber(entries, "rot1", sourceName) ?? 0.0,
            Rot2Rad: OptionalNumber(entries, "rot2", sourceName) ?? 0.0,
            Rot3Rad: OptionalNumber(entries, "rot3", sourceName) ?? 0.0,
            Pixel1Um: pixel1Um,
            Pixel2Um: pixel2Um,
            WavelengthNm: RequiredNumber(entries, "wavelength", sourceName) * 1e9);
        return new PoniFile(geometry, detectorName, shape);
    }

    /// <summary>Writes the file in pyFAI's <c>poni_version: 2</c> layout (SI values, shortest round-trip numbers).</summary>
    /// <param name="path">Destination path; replaced atomically (written under a temporary name, then renamed).</param>
    public void Write(string path)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        File.WriteAllText(temporary, Format());
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>The file text in pyFAI's <c>poni_version: 2</c> layout.</summary>
    public string Format()
    {
        var g = Geometry;
        var known = KnownDetector.Find(DetectorName);
        var useKnown = known is not null && known.Pixel1Um == g.Pixel1Um && known.Pixel2Um == g.Pixel2Um;
        var text = new StringBuilder();
        text.Append("# Nota: C-Order, 1 refers to the Y axis, 2 to the X axis \n");
        text.Append("# Written by TomoSaxs.Geometry\n");
        text.Append("poni_version: 2\n");
        if (useKnown)
        {
            text.Append("Detector: ").Append(known!.Name).Append('\n');
            text.Append("Detector_config: {}\n");
        }
        else
        {
            var maxShape = DetectorShape is { } s ? $"[{s.Rows}, {s.Cols}]" : "null";
            text.Append("Detector: ").Append(GenericDetector).Append('\n');
            text.Append("Detector_config: {\"pixel1\": ").Append(Number(g.Pixel1M))
                .Append(", \"pixel2\": ").Append(Number(g.Pixel2M))
                .Append(", \"max_shape\": ").Append(maxShape).Append("}\n");
        }

        text.Append("Distance: ").Append(Number(g.DistanceM)).Append('\n');
        text.Append("Poni1: ").Append(Number(g.Poni1M)).Append('\n');
        text.Append("Poni2: ").Append(Number(g.Poni2M)).Append('\n');
        text.Append("Rot1: ").Append(Number(g.Rot1Rad)).Append('\n');
        text.Append("Rot2: ").Append(Number(g.Rot2Rad)).Append('\n');
        text.Append("Rot3: ").Append(Number(g.Rot3Rad)).Append('\n');
        text.Append("Wavelength: ").Append(Number(g.WavelengthM)).Append('\n');
        return text.ToString();
    }

    // Python's repr of a float: shortest round-trip digits, lower-case exponent.
    private static string Number(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');

    private static Dictionary<string, string> ReadEntries(string text)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            // pyFAI lower-cases the key and keeps the last occurrence.
            entries[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        return entries;
    }

    private static int ReadVersion(Dictionary<string, string> entries, string source)
    {
        if (!entries.TryGetValue("poni_version", out var text))
        {
            return 1;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var version))
        {
            throw Error(source, "poni_version", $"'{text}' is not a number");
        }

        return version switch
        {
            1.0 => 1,
            2.0 or 2.1 => 2,
            _ => throw Error(source, "poni_version", $"version {text} is not supported (1, 2 and 2.1 are)"),
        };
    }

    private static (double? Pixel1, double? Pixel2, (int, int)? Shape) ReadDetectorConfig(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error(source, "Detector_config", "is not a JSON object");
            }

            double? pixel1 = root.TryGetProperty("pixel1", out var p1) && p1.ValueKind == JsonValueKind.Number ? p1.GetDouble() : null;
            double? pixel2 = root.TryGetProperty("pixel2", out var p2) && p2.ValueKind == JsonValueKind.Number ? p2.GetDouble() : null;
            (int, int)? shape = null;
            if (root.TryGetProperty("max_shape", out var s) && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() == 2)
            {
                shape = (s[0].GetInt32(), s[1].GetInt32());
            }

            if (root.TryGetProperty("orientation", out var o) && o.ValueKind == JsonValueKind.Number && o.GetInt32() != 3)
            {
                throw Error(source, "Detector_config", $"orientation {o.GetInt32()} is not supported (pyFAI 0.21 geometry is orientation 3)");
            }

            return (pixel1, pixel2, shape);
        }
        catch (JsonException e)
        {
            throw Error(source, "Detector_config", $"is not valid JSON ({e.Message})");
        }
    }

    private static double RequiredNumber(Dictionary<string, string> entries, string key, string source) =>
        OptionalNumber(entries, key, source) ?? throw Error(source, key, "missing");

    private static double? OptionalNumber(Dictionary<string, string> entries, string key, string source)
    {
        if (!entries.TryGetValue(key, out var text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(source, key, $"'{text}' is not a number");
    }

    private static FormatException Error(string source, string key, string cause) =>
        new($"{source}: {key}: {cause}");
}
