namespace TomoSaxs.Calibrate.Offset;

/// <summary>A 3-D displacement in voxels, as (z, row, col); may be fractional.</summary>
/// <param name="Z">Along z (slices), voxels.</param>
/// <param name="Y">Along rows, voxels.</param>
/// <param name="X">Along columns, voxels.</param>
public readonly record struct Offset3(double Z, double Y, double X)
{
    /// <summary>The offset scaled by <paramref name="factor"/> (e.g. from a binned level to full resolution).</summary>
    public Offset3 Times(double factor) => new(Z * factor, Y * factor, X * factor);

    /// <summary>The component-wise sum.</summary>
    public Offset3 Plus(Offset3 other) => new(Z + other.Z, Y + other.Y, X + other.X);

    /// <summary>Each component rounded to the nearest integer.</summary>
    public (int Z, int Y, int X) Rounded() =>
        ((int)Math.Round(Z, MidpointRounding.AwayFromZero), (int)Math.Round(Y, MidpointRounding.AwayFromZero), (int)Math.Round(X, MidpointRounding.AwayFromZero));

    /// <summary>The largest absolute component difference from <paramref name="other"/>, voxels.</summary>
    public double MaxDistance(Offset3 other) => Math.Max(Math.Abs(Z - other.Z), Math.Max(Math.Abs(Y - other.Y), Math.Abs(X - other.X)));

    /// <summary>"(z, y, x)" with three decimals.</summary>
    public override string ToString() => $"({Z:F3}, {Y:F3}, {X:F3})";
}
