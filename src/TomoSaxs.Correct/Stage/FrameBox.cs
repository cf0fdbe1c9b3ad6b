namespace TomoSaxs.Correct.Stage;

/// <summary>
/// The rectangle of the detector Correct stores: rows [FirstRow, FirstRow + Rows) × columns [FirstColumn,
/// FirstColumn + Columns) — the whole frame, or the bounding box of the pixels whose q lies in a range, grown by a
/// margin and clipped to the frame.
/// </summary>
/// <param name="FirstRow">First row (0-based).</param>
/// <param name="FirstColumn">First column (0-based).</param>
/// <param name="Rows">Number of rows.</param>
/// <param name="Columns">Number of columns.</param>
public readonly record struct FrameBox(int FirstRow, int FirstColumn, int Rows, int Columns)
{
    /// <summary>Pixels in the box.</summary>
    public int PixelCount => Rows * Columns;

    /// <summary>The whole frame.</summary>
    public static FrameBox Full(int rows, int columns) => new(0, 0, rows, columns);

    /// <summary>The bounding box of pixels with q in [qMin, qMax] (nm⁻¹) — and, when <paramref name="chiRad"/> is not
    /// empty, χ in [chiMinRad, chiMaxRad) — plus <paramref name="marginPx"/>, from per-pixel q and χ (row-major,
    /// <paramref name="rows"/> × <paramref name="columns"/>). The whole frame when no pixel is in range.</summary>
    public static FrameBox OfQRange(ReadOnlySpan<double> qNm, int rows, int columns, double qMin, double qMax, int marginPx,
        ReadOnlySpan<double> chiRad = default, double chiMinRad = 0, double chiMaxRad = 0)
    {
        int r0 = int.MaxValue, r1 = -1, c0 = int.MaxValue, c1 = -1;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var q = qNm[r * columns + c];
                var inChi = chiRad.IsEmpty || (chiRad[r * columns + c] >= chiMinRad && chiRad[r * columns + c] < chiMaxRad);
                if (q >= qMin && q <= qMax && inChi)
                {
                    r0 = Math.Min(r0, r);
                    r1 = Math.Max(r1, r);
                    c0 = Math.Min(c0, c);
                    c1 = Math.Max(c1, c);
                }
            }
        }

        if (r1 < 0)
        {
            return Full(rows, columns);
        }

        r0 = Math.Max(0, r0 - marginPx);
        c0 = Math.Max(0, c0 - marginPx);
        r1 = Math.Min(rows - 1, r1 + marginPx);
        c1 = Math.Min(columns - 1, c1 + marginPx);
        return new FrameBox(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
    }

    /// <summary>
    /// Per pixel of this box (row-major), whether it lies within <paramref name="marginPx"/> pixels (Chebyshev
    /// distance: a square of side 2·margin + 1) of a pixel with q in [qMin, qMax] nm⁻¹ — and, when
    /// <paramref name="chiRad"/> is not empty, χ in [chiMinRad, chiMaxRad) rad. These are the pixels Correct stores
    /// values for; the rest of the box carries the fill value. Per-pixel q and χ are full frames of
    /// <paramref name="columns"/> columns.
    /// </summary>
    public bool[] InRange(ReadOnlySpan<double> qNm, int columns, double qMin, double qMax, int marginPx,
        ReadOnlySpan<double> chiRad = default, double chiMinRad = 0, double chiMaxRad = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(marginPx);
        var hits = new bool[PixelCount];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                var index = (FirstRow + r) * columns + FirstColumn + c;
                var q = qNm[index];
                hits[r * Columns + c] = q >= qMin && q <= qMax
                    && (chiRad.IsEmpty || (chiRad[index] >= chiMinRad && chiRad[index] < chiMaxRad));
            }
        }

        // Dilate by the margin: along rows, then along columns (a square structuring element is separable).
        var alongRows = new bool[PixelCount];
        for (var r = 0; r < Rows; r++)
        {
            Dilate(hits.AsSpan(r * Columns, Columns), alongRows.AsSpan(r * Columns, Columns), marginPx);
        }

        var result = new bool[PixelCount];
        for (var c = 0; c < Columns; c++)
        {
            DilateStrided(alongRows, result, c, Columns, Rows, marginPx);
        }

        return result;
    }

    private static void Dilate(ReadOnlySpan<bool> source, Span<bool> destination, int margin)
    {
        // Distance to the last hit seen, forwards then backwards.
        var n = source.Length;
        var last = int.MinValue / 2;
        for (var i = 0; i < n; i++)
        {
            if (source[i])
            {
                last = i;
            }

            destination[i] = i - last <= margin;
        }

        last = int.MaxValue / 2;
        for (var i = n - 1; i >= 0; i--)
        {
            if (source[i])
            {
                last = i;
            }

            destination[i] |= last - i <= margin;
        }
    }

    private static void DilateStrided(bool[] source, bool[] destination, int column, int columns, int rows, int margin)
    {
        var line = new bool[rows];
        var dilated = new bool[rows];
        for (var r = 0; r < rows; r++)
        {
            line[r] = source[r * columns + column];
        }

        Dilate(line, dilated, margin);
        for (var r = 0; r < rows; r++)
        {
            destination[r * columns + column] = dilated[r];
        }
    }

    /// <summary>Copies the box out of a full row-major frame of <paramref name="columns"/> columns.</summary>
    public T[] Crop<T>(ReadOnlySpan<T> full, int columns)
    {
        var result = new T[PixelCount];
        for (var r = 0; r < Rows; r++)
        {
            full.Slice((FirstRow + r) * columns + FirstColumn, Columns).CopyTo(result.AsSpan(r * Columns, Columns));
        }

        return result;
    }
}
