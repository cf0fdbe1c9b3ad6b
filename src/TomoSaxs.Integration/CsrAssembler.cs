using TomoSaxs.Geometry;

namespace TomoSaxs.Integration;

/// <summary>
/// Collects (bin, pixel, fraction) triples row by row, in the order pixels are visited (ascending pixel index, as
/// pyFAI's sparse builder does), and produces a <see cref="CsrOperator"/> over the full detector.
/// Zero fractions are dropped: pyFAI skips them when integrating, so they never count as coverage.
/// </summary>
internal sealed class CsrAssembler
{
    private readonly List<int>[] _pixels;
    private readonly List<double>[] _weights;
    private readonly PixelMap _map;

    public CsrAssembler(int bins, PixelMap map)
    {
        _pixels = new List<int>[bins];
        _weights = new List<double>[bins];
        for (var b = 0; b < bins; b++)
        {
            _pixels[b] = [];
            _weights[b] = [];
        }

        _map = map;
    }

    public int Bins => _pixels.Length;

    public void Add(int bin, int pixel, double weight)
    {
        if (weight == 0.0)
        {
            return;
        }

        var pixels = _pixels[bin];
        // A folded operator may add the same pixel to a bin several times in a row (one per radial bin); sum them.
        if (pixels.Count > 0 && pixels[^1] == pixel)
        {
            _weights[bin][^1] += weight;
            return;
        }

        pixels.Add(pixel);
        _weights[bin].Add(weight);
    }

    public CsrOperator Build()
    {
        var rowPointers = new int[Bins + 1];
        for (var b = 0; b < Bins; b++)
        {
            rowPointers[b + 1] = rowPointers[b] + _pixels[b].Count;
        }

        var indices = new int[rowPointers[^1]];
        var weights = new double[indices.Length];
        var solidAngles = new float[indices.Length];
        var solidAngle = _map.SolidAngle;
        for (var b = 0; b < Bins; b++)
        {
            _pixels[b].CopyTo(indices, rowPointers[b]);
            _weights[b].CopyTo(weights, rowPointers[b]);
            for (var k = rowPointers[b]; k < rowPointers[b + 1]; k++)
            {
                // pyFAI's preprocessing casts the solid-angle array to float32.
                solidAngles[k] = (float)solidAngle[indices[k]];
            }
        }

        return new CsrOperator(rowPointers, indices, weights, solidAngles, _map.Rows, _map.Cols,
            new DetectorWindow(0, _map.Rows, 0, _map.Cols));
    }
}
