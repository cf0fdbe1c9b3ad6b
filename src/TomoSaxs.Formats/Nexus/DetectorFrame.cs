using System.Numerics;

namespace TomoSaxs.Formats.Nexus;

/// <summary>
/// One detector frame, or a rectangle of it, read from a scan: pixels [row, column] with row = slow detector
/// axis (dim1), column = fast axis (dim2), in detector pixel coordinates.
/// </summary>
/// <typeparam name="T">The pixel type the frame was read as.</typeparam>
public sealed class DetectorFrame<T> where T : unmanaged, INumberBase<T>
{
    internal DetectorFrame(int slice, int position, int firstRow, int firstColumn, int rows, int columns, T[] pixels)
    {
        Slice = slice;
        Position = position;
        FirstRow = firstRow;
        FirstColumn = firstColumn;
        Rows = rows;
        Columns = columns;
        Pixels = pixels;
    }

    /// <summary>The raster slice (row) of the frame.</summary>
    public int Slice { get; }

    /// <summary>The raster position along the slice.</summary>
    public int Position { get; }

    /// <summary>The detector row of the first pixel row held (0 for a whole frame).</summary>
    public int FirstRow { get; }

    /// <summary>The detector column of the first pixel column held (0 for a whole frame).</summary>
    public int FirstColumn { get; }

    /// <summary>The number of pixel rows held.</summary>
    public int Rows { get; }

    /// <summary>The number of pixel columns held.</summary>
    public int Columns { get; }

    /// <summary>The pixels, row-major: element r·Columns + c is detector pixel (FirstRow + r, FirstColumn + c).</summary>
    public T[] Pixels { get; }

    /// <summary>The pixel at detector coordinates (row, column), which must lie inside the rectangle held.</summary>
    public T this[int row, int column]
    {
        get
        {
            var r = row - FirstRow;
            var c = column - FirstColumn;
            if ((uint)r >= (uint)Rows || (uint)c >= (uint)Columns)
            {
                throw new ArgumentOutOfRangeException(nameof(row),
                    $"Pixel ({row}, {column}) lies outside rows {FirstRow}–{FirstRow + Rows - 1}, columns {FirstColumn}–{FirstColumn + Columns - 1}.");
            }

            return Pixels[r * Columns + c];
        }
    }
}
