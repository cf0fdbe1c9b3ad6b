namespace TomoSaxs.Formats.Nexus;

/// <summary>
/// One number per raster point of a scan, indexed [slice, position] (slice = raster row, position = beam
/// position along the row); a line scan has one slice.
/// </summary>
public sealed class RasterValues
{
    private readonly double[] values;

    /// <summary>Wraps row-major values; <paramref name="values"/> must hold slices × positions numbers.</summary>
    public RasterValues(int slices, int positions, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slices);
        ArgumentOutOfRangeException.ThrowIfNegative(positions);
        if (values.Length != slices * positions)
        {
            throw new ArgumentException($"{values.Length} values do not fill {slices} × {positions} raster points.", nameof(values));
        }

        Slices = slices;
        Positions = positions;
        this.values = values;
    }

    /// <summary>The number of slices (raster rows).</summary>
    public int Slices { get; }

    /// <summary>The number of positions per slice.</summary>
    public int Positions { get; }

    /// <summary>All values, row-major.</summary>
    public IReadOnlyList<double> Values => values;

    /// <summary>The value at one raster point.</summary>
    public double this[int slice, int position] => values[Index(slice, position)];

    /// <summary>The values of one slice, in position order.</summary>
    public double[] Slice(int slice) => values.AsSpan(Index(slice, 0), Positions).ToArray();

    private int Index(int slice, int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slice);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slice, Slices);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Positions);
        return slice * Positions + position;
    }
}
