namespace TomoSaxs.Figures;

/// <summary>
/// Places a 2-D array on axes in µm: element [row, col] is a pixel whose centre is at
/// x = <see cref="OriginXUm"/> + col · <see cref="ColumnStepUm"/> and y = <see cref="OriginYUm"/> + row · <see cref="RowStepUm"/>.
/// Rows go down the image (y grows downwards), columns to the right.
/// </summary>
/// <param name="ColumnStepUm">Distance between neighbouring columns in µm (positive).</param>
/// <param name="RowStepUm">Distance between neighbouring rows in µm (positive).</param>
/// <param name="OriginXUm">x of the centre of column 0 in µm.</param>
/// <param name="OriginYUm">y of the centre of row 0 in µm.</param>
public readonly record struct MapAxes(double ColumnStepUm, double RowStepUm, double OriginXUm = 0, double OriginYUm = 0)
{
    /// <summary>Square pixels of <paramref name="pixelUm"/> µm with the centre of pixel [0, 0] at (<paramref name="originXUm"/>, <paramref name="originYUm"/>) µm.</summary>
    public static MapAxes Square(double pixelUm, double originXUm = 0, double originYUm = 0) => new(pixelUm, pixelUm, originXUm, originYUm);

    /// <summary>x in µm of a (fractional) column index.</summary>
    public double XUm(double column) => OriginXUm + column * ColumnStepUm;

    /// <summary>y in µm of a (fractional) row index.</summary>
    public double YUm(double row) => OriginYUm + row * RowStepUm;

    /// <summary>x in µm of the left edge of column 0.</summary>
    public double LeftUm => XUm(-0.5);

    /// <summary>y in µm of the top edge of row 0.</summary>
    public double TopUm => YUm(-0.5);

    /// <summary>x in µm of the right edge of the last of <paramref name="columns"/> columns.</summary>
    public double RightUm(int columns) => XUm(columns - 0.5);

    /// <summary>y in µm of the bottom edge of the last of <paramref name="rows"/> rows.</summary>
    public double BottomUm(int rows) => YUm(rows - 0.5);

    internal void Validate(string paramName)
    {
        Guard.PositiveFinite(ColumnStepUm, paramName + ".ColumnStepUm");
        Guard.PositiveFinite(RowStepUm, paramName + ".RowStepUm");
        Guard.Finite(OriginXUm, paramName + ".OriginXUm");
        Guard.Finite(OriginYUm, paramName + ".OriginYUm");
    }
}
