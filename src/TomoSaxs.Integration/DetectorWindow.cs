namespace TomoSaxs.Integration;

/// <summary>
/// A rectangle of detector pixels, e.g. the bounding box of the pixels an operator reads, or the hyperslab a caller
/// reads from a file. Rows are dimension 1 (slow), columns dimension 2 (fast); both ranges are half-open.
/// </summary>
/// <param name="RowStart">First row.</param>
/// <param name="RowCount">Number of rows.</param>
/// <param name="ColStart">First column.</param>
/// <param name="ColCount">Number of columns.</param>
public readonly record struct DetectorWindow(int RowStart, int RowCount, int ColStart, int ColCount)
{
    /// <summary>One past the last row.</summary>
    public int RowEnd => RowStart + RowCount;

    /// <summary>One past the last column.</summary>
    public int ColEnd => ColStart + ColCount;

    /// <summary>Pixels in the window.</summary>
    public int PixelCount => RowCount * ColCount;

    /// <summary>True when the window holds no pixel.</summary>
    public bool IsEmpty => RowCount <= 0 || ColCount <= 0;

    /// <summary>True when <paramref name="other"/> lies entirely inside this window.</summary>
    /// <param name="other">The window to test.</param>
    public bool Contains(DetectorWindow other) =>
        other.IsEmpty
        || (other.RowStart >= RowStart && other.RowEnd <= RowEnd && other.ColStart >= ColStart && other.ColEnd <= ColEnd);

    /// <summary>The window widened by <paramref name="margin"/> pixels on every side, clipped to a detector.</summary>
    /// <param name="margin">Pixels to add on each side.</param>
    /// <param name="rows">Detector rows.</param>
    /// <param name="cols">Detector columns.</param>
    public DetectorWindow Expand(int margin, int rows, int cols)
    {
        var rowStart = Math.Max(0, RowStart - margin);
        var colStart = Math.Max(0, ColStart - margin);
        var rowEnd = Math.Min(rows, RowEnd + margin);
        var colEnd = Math.Min(cols, ColEnd + margin);
        return new DetectorWindow(rowStart, rowEnd - rowStart, colStart, colEnd - colStart);
    }
}
