using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TomoSaxs.Integration;

/// <summary>
/// A precomputed integration operator in compressed sparse row form: one row per output bin, one entry per
/// contributing pixel with its split fraction c. Applying it to a frame x gives pyFAI's "ng" normalisation
/// <c>I_j = Σ c·x / Σ c·Ω</c> (Ω = solid angle as float32), and <c>empty</c> for a bin no valid pixel reaches.
/// Immutable and thread-safe: many frames may be integrated in parallel with one instance.
/// </summary>
/// <remarks>
/// Frames are converted element by element to float32 before use, as pyFAI's preprocessing does; products and sums
/// are double (pyFAI's accumulators). Masked pixels are absent from the operator. A non-finite pixel value (NaN,
/// ±∞) is skipped in that frame: it contributes neither to the signal nor to Σ c·Ω and Σ c of its bins. pyFAI
/// 0.21.3 skips NaN the same way but lets ±∞ through; this operator never lets a non-finite value poison a bin.
/// </remarks>
public sealed class CsrOperator
{
    private readonly int[] _rowPointers;
    private readonly int[] _pixelIndices;
    private readonly double[] _weights;
    private readonly float[] _solidAngles;
    private readonly double[] _normalisation;
    private readonly double[] _coverage;

    internal CsrOperator(
        int[] rowPointers, int[] pixelIndices, double[] weights, float[] solidAngles,
        int detectorRows, int detectorCols, DetectorWindow input)
    {
        Validate(rowPointers, pixelIndices, weights, solidAngles, input);

        _rowPointers = rowPointers;
        _pixelIndices = pixelIndices;
        _weights = weights;
        _solidAngles = solidAngles;
        DetectorRows = detectorRows;
        DetectorCols = detectorCols;
        Input = input;
        (_normalisation, _coverage) = RowSums();
        PixelBox = ComputePixelBox();
    }

    /// <summary>Number of output bins (rows).</summary>
    public int RowCount => _rowPointers.Length - 1;

    /// <summary>Number of stored (pixel, bin) fractions.</summary>
    public int NonZeroCount => _pixelIndices.Length;

    /// <summary>Rows of the full detector.</summary>
    public int DetectorRows { get; }

    /// <summary>Columns of the full detector.</summary>
    public int DetectorCols { get; }

    /// <summary>
    /// The detector rectangle the input image covers: the whole detector for operators as built, a sub-window for
    /// operators from <see cref="ForWindow"/>. Input images are this window's pixels, row-major.
    /// </summary>
    public DetectorWindow Input { get; }

    /// <summary>Bounding box, in detector coordinates, of all pixels the operator reads.</summary>
    public DetectorWindow PixelBox { get; }

    /// <summary>Row start offsets into the entry arrays (length RowCount + 1).</summary>
    public ReadOnlySpan<int> RowPointers => _rowPointers;

    /// <summary>Pixel index of each entry into the input image (row·Input.ColCount + col within <see cref="Input"/>).</summary>
    public ReadOnlySpan<int> PixelIndices => _pixelIndices;

    /// <summary>Split fraction of each entry (pyFAI's float32 coefficient, or a sum of them for folded operators).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Solid angle Ω (float32, pyFAI's normalisation) of each entry's pixel.</summary>
    public ReadOnlySpan<float> SolidAngles => _solidAngles;

    /// <summary>Σ c·Ω per bin over all operator pixels (the denominator when every pixel is finite).</summary>
    public ReadOnlySpan<double> Normalisation => _normalisation;

    /// <summary>Σ c per bin (pyFAI's "count"): the number of pixels, fractionally, feeding each bin.</summary>
    public ReadOnlySpan<double> Coverage => _coverage;

    /// <summary>Integrates one frame: I_j = Σ c·x / Σ c·Ω, or <paramref name="empty"/> where no valid pixel contributes.</summary>
    /// <typeparam name="T">Frame element type (float, int, uint, double …).</typeparam>
    /// <param name="image">The input image (<see cref="Input"/> window), row-major.</param>
    /// <param name="intensity">Receives one value per bin (length <see cref="RowCount"/>).</param>
    /// <param name="empty">Value for bins without contributions (pyFAI's default 0).</param>
    public void Integrate<T>(ReadOnlySpan<T> image, Span<double> intensity, double empty = 0.0)
        where T : unmanaged, INumberBase<T>
    {
        CheckImage(image.Length);
        if (intensity.Length != RowCount)
        {
            throw new ArgumentException($"Output has {intensity.Length} bins, the operator {RowCount}.", nameof(intensity));
        }

        for (var row = 0; row < RowCount; row++)
        {
            var (signal, normalisation, coverage) = AccumulateRow(image, row);
            intensity[row] = coverage > 0.0 ? signal / normalisation : empty;
        }
    }

    /// <summary>Integrates one frame into a new array (see <see cref="Integrate{T}(ReadOnlySpan{T}, Span{double}, double)"/>).</summary>
    /// <typeparam name="T">Frame element type.</typeparam>
    /// <param name="image">The input image, row-major.</param>
    /// <param name="empty">Value for bins without contributions.</param>
    public double[] Integrate<T>(ReadOnlySpan<T> image, double empty = 0.0)
        where T : unmanaged, INumberBase<T>
    {
        var intensity = new double[RowCount];
        Integrate(image, intensity, empty);
        return intensity;
    }

    /// <summary>
    /// The three per-bin sums of one frame: signal Σ c·x, normalisation Σ c·Ω and coverage Σ c, over finite pixels
    /// (pyFAI's <c>sum_signal</c>, <c>sum_normalization</c>, <c>count</c>).
    /// </summary>
    /// <typeparam name="T">Frame element type.</typeparam>
    /// <param name="image">The input image, row-major.</param>
    /// <param name="signal">Receives Σ c·x per bin.</param>
    /// <param name="normalisation">Receives Σ c·Ω per bin.</param>
    /// <param name="coverage">Receives Σ c per bin.</param>
    public void Accumulate<T>(ReadOnlySpan<T> image, Span<double> signal, Span<double> normalisation, Span<double> coverage)
        where T : unmanaged, INumberBase<T>
    {
        CheckImage(image.Length);
        if (signal.Length != RowCount || normalisation.Length != RowCount || coverage.Length != RowCount)
        {
            throw new ArgumentException($"Each output needs {RowCount} bins.");
        }

        for (var row = 0; row < RowCount; row++)
        {
            (signal[row], normalisation[row], coverage[row]) = AccumulateRow(image, row);
        }
    }

    /// <summary>
    /// Integrates many frames in parallel (one frame per task). Each frame's result is computed exactly as by
    /// <see cref="Integrate{T}(ReadOnlySpan{T}, double)"/>, so the output is bit-identical to a serial loop.
    /// </summary>
    /// <typeparam name="T">Frame element type.</typeparam>
    /// <param name="images">Input images.</param>
    /// <param name="maxDegreeOfParallelism">Worker limit; null for the runtime default.</param>
    /// <param name="empty">Value for bins without contributions.</param>
    public double[][] IntegrateMany<T>(IReadOnlyList<T[]> images, int? maxDegreeOfParallelism = null, double empty = 0.0)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(images);
        var results = new double[images.Count][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        Parallel.For(0, images.Count, options, i => results[i] = Integrate<T>(images[i], empty));
        return results;
    }

    /// <summary>
    /// The same operator reading a sub-image of the detector, e.g. a hyperslab [rows, cols] read from a file:
    /// only the pixels of <paramref name="window"/> need to be loaded. The window must contain <see cref="PixelBox"/>.
    /// </summary>
    /// <param name="window">Detector rectangle the caller will supply, row-major.</param>
    public CsrOperator ForWindow(DetectorWindow window)
    {
        if (window.RowStart < 0 || window.ColStart < 0 || window.RowEnd > DetectorRows || window.ColEnd > DetectorCols)
        {
            throw new ArgumentOutOfRangeException(nameof(window), $"{window} is not inside the {DetectorRows}×{DetectorCols} detector.");
        }

        if (!window.Contains(PixelBox))
        {
            throw new ArgumentException($"{window} does not contain the operator's pixels {PixelBox}.", nameof(window));
        }

        var indices = new int[_pixelIndices.Length];
        for (var k = 0; k < indices.Length; k++)
        {
            var (row, col) = DetectorPosition(_pixelIndices[k]);
            indices[k] = (row - window.RowStart) * window.ColCount + (col - window.ColStart);
        }

        return new CsrOperator(_rowPointers, indices, _weights, _solidAngles, DetectorRows, DetectorCols, window);
    }

    /// <summary>
    /// Stacks operators reading the same input into one (rows of the first, then the second, …), so several
    /// profiles are computed in a single pass over the frame.
    /// </summary>
    /// <param name="operators">Operators with equal <see cref="Input"/> and detector shape.</param>
    public static CsrOperator Stack(IReadOnlyList<CsrOperator> operators)
    {
        ArgumentNullException.ThrowIfNull(operators);
        if (operators.Count == 0)
        {
            throw new ArgumentException("Nothing to stack.", nameof(operators));
        }

        var first = operators[0];
        if (operators.Any(o => o.Input != first.Input || o.DetectorRows != first.DetectorRows || o.DetectorCols != first.DetectorCols))
        {
            throw new ArgumentException("Stacked operators must read the same input window.", nameof(operators));
        }

        var rowPointers = new List<int> { 0 };
        var indices = new List<int>();
        var weights = new List<double>();
        var solidAngles = new List<float>();
        foreach (var op in operators)
        {
            var offset = indices.Count;
            for (var row = 1; row < op._rowPointers.Length; row++)
            {
                rowPointers.Add(offset + op._rowPointers[row]);
            }

            indices.AddRange(op._pixelIndices);
            weights.AddRange(op._weights);
            solidAngles.AddRange(op._solidAngles);
        }

        return new CsrOperator([.. rowPointers], [.. indices], [.. weights], [.. solidAngles],
            first.DetectorRows, first.DetectorCols, first.Input);
    }

    /// <summary>Detector (row, column) of an input-image pixel index.</summary>
    /// <param name="pixelIndex">Index into the input image.</param>
    public (int Row, int Col) DetectorPosition(int pixelIndex) =>
        (Input.RowStart + pixelIndex / Input.ColCount, Input.ColStart + pixelIndex % Input.ColCount);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (double Signal, double Normalisation, double Coverage) AccumulateRow<T>(ReadOnlySpan<T> image, int row)
        where T : unmanaged, INumberBase<T>
    {
        var start = _rowPointers[row];
        var end = _rowPointers[row + 1];
        ref var indices = ref MemoryMarshal.GetArrayDataReference(_pixelIndices);
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        var signal = 0.0;
        var allFinite = true;
        for (var k = start; k < end; k++)
        {
            // pyFAI converts the frame to float32, then accumulates coef·x in double.
            var x = float.CreateTruncating(image[Unsafe.Add(ref indices, k)]);
            if (float.IsFinite(x))
            {
                signal += Unsafe.Add(ref weights, k) * x;
            }
            else
            {
                allFinite = false;
            }
        }

        if (allFinite)
        {
            return (signal, _normalisation[row], _coverage[row]);
        }

        double normalisation = 0.0, coverage = 0.0;
        for (var k = start; k < end; k++)
        {
            if (float.IsFinite(float.CreateTruncating(image[_pixelIndices[k]])))
            {
                normalisation += _weights[k] * _solidAngles[k];
                coverage += _weights[k];
            }
        }

        return (signal, normalisation, coverage);
    }

    // The application loop reads entries without bounds checks, so a malformed matrix (e.g. a damaged cache file)
    // must be refused here.
    private static void Validate(int[] rowPointers, int[] pixelIndices, double[] weights, float[] solidAngles, DetectorWindow input)
    {
        if (rowPointers.Length == 0 || rowPointers[0] != 0 || rowPointers[^1] != pixelIndices.Length
            || weights.Length != pixelIndices.Length || solidAngles.Length != pixelIndices.Length)
        {
            throw new InvalidDataException("Inconsistent CSR array lengths.");
        }

        for (var row = 1; row < rowPointers.Length; row++)
        {
            if (rowPointers[row] < rowPointers[row - 1])
            {
                throw new InvalidDataException($"CSR row pointers decrease at row {row}.");
            }
        }

        foreach (var index in pixelIndices)
        {
            if ((uint)index >= (uint)input.PixelCount)
            {
                throw new InvalidDataException($"CSR pixel index {index} is outside the {input.RowCount}×{input.ColCount} input.");
            }
        }
    }

    private void CheckImage(int length)
    {
        if (length != Input.PixelCount)
        {
            throw new ArgumentException(
                $"The image has {length} pixels; the operator reads a {Input.RowCount}×{Input.ColCount} image ({Input}).");
        }
    }

    private (double[] Normalisation, double[] Coverage) RowSums()
    {
        var normalisation = new double[RowCount];
        var coverage = new double[RowCount];
        for (var row = 0; row < RowCount; row++)
        {
            double n = 0.0, c = 0.0;
            for (var k = _rowPointers[row]; k < _rowPointers[row + 1]; k++)
            {
                n += _weights[k] * _solidAngles[k];
                c += _weights[k];
            }

            normalisation[row] = n;
            coverage[row] = c;
        }

        return (normalisation, coverage);
    }

    private DetectorWindow ComputePixelBox()
    {
        if (_pixelIndices.Length == 0)
        {
            return new DetectorWindow(Input.RowStart, 0, Input.ColStart, 0);
        }

        int minRow = int.MaxValue, maxRow = int.MinValue, minCol = int.MaxValue, maxCol = int.MinValue;
        foreach (var index in _pixelIndices)
        {
            var (row, col) = DetectorPosition(index);
            minRow = Math.Min(minRow, row);
            maxRow = Math.Max(maxRow, row);
            minCol = Math.Min(minCol, col);
            maxCol = Math.Max(maxCol, col);
        }

        return new DetectorWindow(minRow, maxRow - minRow + 1, minCol, maxCol - minCol + 1);
    }
}
