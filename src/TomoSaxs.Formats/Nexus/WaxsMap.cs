namespace TomoSaxs.Formats.Nexus;

/// <summary>
/// The coarse WAXS map of a scan (registration note §2.3): the summed WAXS counts per raster point
/// <c>[row, column]</c> with the motor position of every row (y) and column (x). Rows are vertical positions,
/// columns horizontal ones; the grid is separable (every row shares the columns' x, every column the rows' y).
/// </summary>
/// <param name="Sums">WAXS counts per raster point [row, column] (the beamline's frame totals).</param>
/// <param name="YUm">Motor y of each row, µm.</param>
/// <param name="XUm">Motor x of each column, µm.</param>
public sealed record WaxsMap(double[,] Sums, IReadOnlyList<double> YUm, IReadOnlyList<double> XUm)
{
    /// <summary>Raster rows (vertical positions).</summary>
    public int Rows => Sums.GetLength(0);

    /// <summary>Raster columns (horizontal positions).</summary>
    public int Columns => Sums.GetLength(1);
}
