namespace TomoSaxs.Figures;

/// <summary>The size of a rendered figure in image pixels.</summary>
/// <param name="WidthPx">Image width in pixels (at least 100).</param>
/// <param name="HeightPx">Image height in pixels (at least 100).</param>
public readonly record struct FigureSize(int WidthPx, int HeightPx)
{
    /// <summary>The size QC figures use unless told otherwise: 1200 × 900 pixels.</summary>
    public static FigureSize Default { get; } = new(1200, 900);

    /// <summary>Two panels side by side: 1600 × 900 pixels.</summary>
    public static FigureSize Wide { get; } = new(1600, 900);

    internal void Validate(string paramName)
    {
        if (WidthPx < 100 || HeightPx < 100 || WidthPx > 20000 || HeightPx > 20000)
        {
            throw new ArgumentException($"A figure must be 100 to 20000 pixels on each side, not {WidthPx} × {HeightPx}.", paramName);
        }
    }
}
