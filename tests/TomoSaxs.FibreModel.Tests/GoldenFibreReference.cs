using System.Text.Json;
using System.Text.Json.Serialization;
using TomoSaxs.TestSupport;

namespace TomoSaxs.FibreModel.Tests;

/// <summary>The reference implementation's fibre-model results, shared/golden/fibre-model/reference.json.</summary>
internal sealed class GoldenFibreReference
{
    private static readonly Lazy<GoldenFibreReference> Cached = new(Load);

    public static GoldenFibreReference Instance => Cached.Value;

    [JsonPropertyName("points")]
    public required List<GoldenPoint> Points { get; init; }

    [JsonPropertyName("ichi_profiles")]
    public required List<GoldenChiProfile> ChiProfiles { get; init; }

    [JsonPropertyName("iq_profiles")]
    public required List<GoldenQProfile> QProfiles { get; init; }

    private static GoldenFibreReference Load()
    {
        var path = SharedData.Path("golden", "fibre-model", "reference.json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<GoldenFibreReference>(stream)
            ?? throw new InvalidDataException($"{path} holds no reference object.");
    }
}

internal abstract class GoldenFibre
{
    [JsonPropertyName("alpha")] public double Alpha { get; init; }
    [JsonPropertyName("beta")] public double Beta { get; init; }
    [JsonPropertyName("q0")] public double Q0 { get; init; }
    [JsonPropertyName("wa")] public double Wa { get; init; }
    [JsonPropertyName("wMu")] public double WMu { get; init; }
    [JsonPropertyName("delta")] public double Delta { get; init; }
    [JsonPropertyName("wavelength_nm")] public double WavelengthNm { get; init; }

    public FibreParameters Parameters => new(Q0, Wa, WMu, Delta);

    public FibreOrientation Orientation => new(Alpha, Beta);
}

internal sealed class GoldenPoint : GoldenFibre
{
    [JsonPropertyName("q")] public double Q { get; init; }
    [JsonPropertyName("chi_deg")] public double ChiDeg { get; init; }
    [JsonPropertyName("qlab")] public required double[] QLab { get; init; }
    [JsonPropertyName("intensity")] public double Intensity { get; init; }
}

internal sealed class GoldenChiProfile : GoldenFibre
{
    [JsonPropertyName("q1")] public double Q1 { get; init; }
    [JsonPropertyName("q2")] public double Q2 { get; init; }
    [JsonPropertyName("nq")] public int Nq { get; init; }
    [JsonPropertyName("q_grid")] public required double[] QGrid { get; init; }
    [JsonPropertyName("chi1")] public double Chi1 { get; init; }
    [JsonPropertyName("chi2")] public double Chi2 { get; init; }
    [JsonPropertyName("nchi")] public int Nchi { get; init; }
    [JsonPropertyName("weight")] public double Weight { get; init; }
    [JsonPropertyName("amp")] public double Amp { get; init; }
    [JsonPropertyName("chi_deg")] public required double[] ChiDeg { get; init; }
    [JsonPropertyName("ichi")] public required double[] Ichi { get; init; }
}

internal sealed class GoldenQProfile : GoldenFibre
{
    [JsonPropertyName("chi_samples_deg")] public required double[] ChiSamplesDeg { get; init; }
    [JsonPropertyName("q")] public required double[] Q { get; init; }
    [JsonPropertyName("weight")] public double Weight { get; init; }
    [JsonPropertyName("amp")] public double Amp { get; init; }
    [JsonPropertyName("iq")] public required double[] Iq { get; init; }
}
