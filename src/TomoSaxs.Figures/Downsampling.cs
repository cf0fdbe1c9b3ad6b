using System.Numerics;

namespace TomoSaxs.Figures;

/// <summary>Shrinks large inputs to what a figure can show, deterministically.</summary>
internal static class Downsampling
{
    /// <summary>The largest number of map cells drawn along either side; a figure is about this many pixels wide.</summary>
    public const int MaxMapSide = 1000;

    /// <summary>The largest number of scatter points or markers drawn.</summary>
    public const int MaxPoints = 200_000;

    /// <summary>
    /// The map as doubles, averaged over square blocks of <c>factor</c> × <c>factor</c> cells (NaN cells ignored)
    /// so that neither side exceeds <paramref name="maxSide"/>; <c>factor</c> is 1 for small maps.
    /// </summary>
    public static (double[,] Map, int Factor) BlockMean<T>(T[,] map, int maxSide = MaxMapSide)
        where T : INumberBase<T>
    {
        int rows = map.GetLength(0), cols = map.GetLength(1);
        var factor = Math.Max(1, (int)Math.Ceiling(Math.Max(rows, cols) / (double)maxSide));
        int outRows = (rows + factor - 1) / factor, outCols = (cols + factor - 1) / factor;
        var result = new double[outRows, outCols];
        for (var r = 0; r < outRows; r++)
        {
            for (var c = 0; c < outCols; c++)
            {
                double sum = 0;
                var count = 0;
                for (var i = r * factor; i < Math.Min(rows, (r + 1) * factor); i++)
                {
                    for (var j = c * factor; j < Math.Min(cols, (c + 1) * factor); j++)
                    {
                        var v = double.CreateSaturating(map[i, j]);
                        if (!double.IsNaN(v))
                        {
                            sum += v;
                            count++;
                        }
                    }
                }

                result[r, c] = count > 0 ? sum / count : double.NaN;
            }
        }

        return (result, factor);
    }

    /// <summary>Indices 0, s, 2s, … of at most <paramref name="maxCount"/> of <paramref name="count"/> items (every item when few).</summary>
    public static int[] EvenIndices(int count, int maxCount = MaxPoints)
    {
        if (count <= maxCount)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        var step = (double)count / maxCount;
        var indices = new int[maxCount];
        for (var k = 0; k < maxCount; k++)
        {
            indices[k] = (int)(k * step);
        }

        return indices;
    }

    /// <summary>
    /// The grey range to show: the 0.5th and 99.5th percentiles of the finite values, so that a few outliers do not
    /// wash out the map; when those coincide (a flat map with a few features) the full range; a flat map gets a
    /// unit-wide range around its value. Null when no value is finite.
    /// </summary>
    public static (double Low, double High)? DisplayRange(double[,] map)
    {
        var values = new List<double>(map.Length);
        foreach (var v in map)
        {
            if (double.IsFinite(v))
            {
                values.Add(v);
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var low = values[(int)(0.005 * (values.Count - 1))];
        var high = values[(int)Math.Ceiling(0.995 * (values.Count - 1))];
        if (high > low)
        {
            return (low, high);
        }

        return values[^1] > values[0] ? (values[0], values[^1]) : (low - 0.5, low + 0.5);
    }
}
