using System.Text.Json;
using System.Text.Json.Serialization;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Numerics.Tests;

/// <summary>SciPy 1.10.1 results, shared/golden/numeric/scipy-reference.json.</summary>
internal sealed class ScipyReference
{
    private static readonly Lazy<ScipyReference> Cached = new(Load);

    public static ScipyReference Instance => Cached.Value;

    [JsonPropertyName("nnls")]
    public required List<NnlsCase> Nnls { get; init; }

    [JsonPropertyName("savgol")]
    public required List<SavgolCase> Savgol { get; init; }

    private static ScipyReference Load()
    {
        var path = SharedData.Path("golden", "numeric", "scipy-reference.json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ScipyReference>(stream)
            ?? throw new InvalidDataException($"{path} holds no reference object.");
    }
}

internal sealed class NnlsCase
{
    [JsonPropertyName("A")] public required double[][] A { get; init; }
    [JsonPropertyName("b")] public required double[] B { get; init; }
    [JsonPropertyName("x")] public required double[] X { get; init; }
    [JsonPropertyName("residual_norm")] public double ResidualNorm { get; init; }

    public double[,] DenseA
    {
        get
        {
            var a = new double[A.Length, A[0].Length];
            for (var i = 0; i < A.Length; i++)
            {
                for (var j = 0; j < A[i].Length; j++)
                {
                    a[i, j] = A[i][j];
                }
            }

            return a;
        }
    }

    public override string ToString() => $"{A.Length}×{A[0].Length}";
}

internal sealed class SavgolCase
{
    [JsonPropertyName("y")] public required double[] Y { get; init; }
    [JsonPropertyName("window")] public int Window { get; init; }
    [JsonPropertyName("polyorder")] public int PolyOrder { get; init; }
    [JsonPropertyName("mode")] public required string Mode { get; init; }
    [JsonPropertyName("smoothed")] public required double[] Smoothed { get; init; }
}
