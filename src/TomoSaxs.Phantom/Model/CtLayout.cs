namespace TomoSaxs.Phantom;

/// <summary>
/// One voxel grid in the sample frame: voxel (k, r, c) of a [z, row, col] volume has its centre at
/// x = x₀ + (c + ½)·v, z = z₀ + (r + ½)·v and height h = top − (k + ½)·v (slices go downwards; rows run along the
/// beam at θ = 0, columns along the raster axis).
/// </summary>
/// <param name="VoxelUm">Voxel size v, µm.</param>
/// <param name="Slices">Number of slices (z).</param>
/// <param name="Rows">Number of rows (y).</param>
/// <param name="Columns">Number of columns (x).</param>
/// <param name="CornerX">x₀: sample x of the first column's outer edge, µm.</param>
/// <param name="CornerZ">z₀: sample z of the first row's outer edge, µm.</param>
/// <param name="TopHeight">Height of the first slice's upper face, µm.</param>
public sealed record VoxelGrid(double VoxelUm, int Slices, int Rows, int Columns, double CornerX, double CornerZ, double TopHeight)
{
    /// <summary>Sample x of column <paramref name="column"/>'s centre, µm.</summary>
    public double X(int column) => CornerX + (column + 0.5) * VoxelUm;

    /// <summary>Sample z of row <paramref name="row"/>'s centre, µm.</summary>
    public double Z(int row) => CornerZ + (row + 0.5) * VoxelUm;

    /// <summary>Height of slice <paramref name="slice"/>'s centre, µm.</summary>
    public double H(int slice) => TopHeight - (slice + 0.5) * VoxelUm;

    /// <summary>The continuous column coordinate (voxel edges at whole numbers) of sample x.</summary>
    public double ColumnOf(double x) => (x - CornerX) / VoxelUm;

    /// <summary>The continuous row coordinate of sample z.</summary>
    public double RowOf(double z) => (z - CornerZ) / VoxelUm;

    /// <summary>The continuous slice coordinate of height h.</summary>
    public double SliceOf(double h) => (TopHeight - h) / VoxelUm;
}

/// <summary>
/// The three voxel grids of the CT side: the low-resolution CT (field of view: the tube plus a margin, centred on
/// the CT reconstruction centre; height: the disc plus part of each vertebra), the high-resolution CT (a sub-box at
/// a known offset from the low-resolution volume's first corner) and the fibre-tracing grid (the high-resolution
/// field of view at voxel = high-resolution voxel × scale, before cropping).
/// </summary>
internal sealed class CtLayout
{
    public CtLayout(CtSpec spec, double lowVoxelUm, double highVoxelUm, double fibreScale, SampleGeometry geometry)
    {
        Spec = spec;
        var reach = 0.0;
        foreach (var h in new[] { geometry.VertebraBottom, geometry.VertebraTop })
        {
            var (tx, tz) = geometry.TubeCentre(h);
            reach = Math.Max(reach, Math.Max(Math.Abs(tx - spec.CentreUm.X), Math.Abs(tz - spec.CentreUm.Z)));
        }

        var side = (int)Math.Ceiling(2 * (reach + geometry.OuterRadius + spec.MarginUm) / lowVoxelUm);
        var lowTop = geometry.DiscHeight + spec.VertebraUm;
        var lowSlices = (int)Math.Ceiling((geometry.DiscHeight + 2 * spec.VertebraUm) / lowVoxelUm);
        Low = new VoxelGrid(lowVoxelUm, lowSlices, side, side,
            spec.CentreUm.X - side * lowVoxelUm / 2, spec.CentreUm.Z - side * lowVoxelUm / 2, lowTop);
        var size = spec.HighResSizeUm;
        var offset = spec.HighResOffsetUm;
        High = new VoxelGrid(highVoxelUm,
            (int)Math.Round(size.Z / highVoxelUm), (int)Math.Round(size.Y / highVoxelUm), (int)Math.Round(size.X / highVoxelUm),
            Low.CornerX + offset.X, Low.CornerZ + offset.Y, lowTop - offset.Z);
        var fibreVoxel = highVoxelUm * fibreScale;
        Fibre = new VoxelGrid(fibreVoxel,
            (int)Math.Floor(High.Slices * highVoxelUm / fibreVoxel), (int)Math.Floor(High.Rows * highVoxelUm / fibreVoxel),
            (int)Math.Floor(High.Columns * highVoxelUm / fibreVoxel), High.CornerX, High.CornerZ, High.TopHeight);
    }

    public CtSpec Spec { get; }

    /// <summary>The low-resolution CT grid.</summary>
    public VoxelGrid Low { get; }

    /// <summary>The high-resolution CT grid.</summary>
    public VoxelGrid High { get; }

    /// <summary>The uncropped ("padded") fibre-tracing grid.</summary>
    public VoxelGrid Fibre { get; }
}
