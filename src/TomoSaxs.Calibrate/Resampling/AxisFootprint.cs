namespace TomoSaxs.Calibrate.Resampling;

/// <summary>
/// The exact overlap weights of area averaging along one axis. Output voxel <c>o</c> spans
/// [o·v_out, (o + 1)·v_out) µm and input voxel <c>i</c> spans [origin + i·v_in, origin + (i + 1)·v_in) µm; the
/// output is the length-weighted mean of the input over the part of its span the input covers. Every weight is
/// the overlap length over the covered length, so the weights of one output sum to 1, and
/// Σ_o out_o·covered_o = Σ_i in_i·(length of voxel i inside the output range): integrals are preserved exactly.
/// </summary>
public sealed class AxisFootprint
{
    private readonly int[] firstInput;
    private readonly double[][] weights;

    private AxisFootprint(int inputCount, int[] firstInput, double[][] weights, double[] coverage)
    {
        InputCount = inputCount;
        this.firstInput = firstInput;
        this.weights = weights;
        Coverage = coverage;
    }

    /// <summary>Input voxels along the axis.</summary>
    public int InputCount { get; }

    /// <summary>Output voxels along the axis.</summary>
    public int OutputCount => firstInput.Length;

    /// <summary>Per output voxel, the fraction of its span covered by input (1 inside, between 0 and 1 at a
    /// partial edge, 0 outside the input).</summary>
    public IReadOnlyList<double> Coverage { get; }

    /// <summary>
    /// The footprints of <paramref name="outputCount"/> output voxels of <paramref name="outputVoxelUm"/> over
    /// <paramref name="inputCount"/> input voxels of <paramref name="inputVoxelUm"/> whose first edge lies at
    /// <paramref name="originUm"/> in the output frame (µm; may be negative or fractional).
    /// </summary>
    /// <exception cref="ArgumentException">A count is below 1 or a voxel size is not positive and finite.</exception>
    public static AxisFootprint Create(int inputCount, double inputVoxelUm, double outputVoxelUm, int outputCount, double originUm = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        RequirePositive(inputVoxelUm, nameof(inputVoxelUm));
        RequirePositive(outputVoxelUm, nameof(outputVoxelUm));
        if (!double.IsFinite(originUm))
        {
            throw new ArgumentOutOfRangeException(nameof(originUm), originUm, "The origin must be finite.");
        }

        var first = new int[outputCount];
        var allWeights = new double[outputCount][];
        var coverage = new double[outputCount];
        for (var o = 0; o < outputCount; o++)
        {
            var low = o * outputVoxelUm;
            var high = (o + 1) * outputVoxelUm;
            // Input voxels whose span meets [low, high); clamp to the input.
            var i0 = Math.Max(0, (int)Math.Floor((low - originUm) / inputVoxelUm));
            var i1 = Math.Min(inputCount, (int)Math.Ceiling((high - originUm) / inputVoxelUm));
            var lengths = new List<double>();
            var start = i0;
            var covered = 0.0;
            for (var i = i0; i < i1; i++)
            {
                var overlap = Math.Min(high, originUm + (i + 1) * inputVoxelUm) - Math.Max(low, originUm + i * inputVoxelUm);
                if (overlap <= 0)
                {
                    if (lengths.Count == 0)
                    {
                        start = i + 1;
                        continue;
                    }

                    break;
                }

                lengths.Add(overlap);
                covered += overlap;
            }

            first[o] = start;
            allWeights[o] = covered > 0 ? [.. lengths.Select(length => length / covered)] : [];
            coverage[o] = Math.Min(1.0, covered / outputVoxelUm);
        }

        return new AxisFootprint(inputCount, first, allWeights, coverage);
    }

    /// <summary>The number of output voxels of <paramref name="outputVoxelUm"/> needed to cover
    /// <paramref name="inputCount"/> voxels of <paramref name="inputVoxelUm"/> (a partial last voxel counts).</summary>
    public static int CoveringCount(int inputCount, double inputVoxelUm, double outputVoxelUm)
    {
        RequirePositive(inputVoxelUm, nameof(inputVoxelUm));
        RequirePositive(outputVoxelUm, nameof(outputVoxelUm));
        // The relative slack stops 1024·2.6/6.5 = 409.6000000001 from becoming 411 voxels.
        var exact = inputCount * inputVoxelUm / outputVoxelUm;
        return Math.Max(1, (int)Math.Ceiling(exact * (1 - 1e-12)));
    }

    /// <summary>The first input voxel contributing to output <paramref name="output"/>.</summary>
    public int FirstInput(int output) => firstInput[output];

    /// <summary>The normalised weights of the input voxels FirstInput(output), FirstInput(output) + 1, …; empty
    /// when the output lies outside the input.</summary>
    public ReadOnlySpan<double> Weights(int output) => weights[output];

    /// <summary>The range [first, end) of input voxels that contribute to any output.</summary>
    public (int First, int End) UsedInputs()
    {
        var first = int.MaxValue;
        var end = int.MinValue;
        for (var o = 0; o < OutputCount; o++)
        {
            if (weights[o].Length > 0)
            {
                first = Math.Min(first, firstInput[o]);
                end = Math.Max(end, firstInput[o] + weights[o].Length);
            }
        }

        return first == int.MaxValue ? (0, 0) : (first, end);
    }

    /// <summary>The index range [first, end) of outputs whose coverage is complete (1 within 1e-9).</summary>
    public (int First, int End) FullyCovered()
    {
        var first = -1;
        var end = -1;
        for (var o = 0; o < OutputCount; o++)
        {
            if (Coverage[o] >= 1 - 1e-9)
            {
                if (first < 0)
                {
                    first = o;
                }

                end = o + 1;
            }
        }

        return first < 0 ? (0, 0) : (first, end);
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "A voxel size must be positive and finite (µm).");
        }
    }
}
