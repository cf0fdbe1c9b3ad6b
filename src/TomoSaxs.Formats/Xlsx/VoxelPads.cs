namespace TomoSaxs.Formats.Xlsx;

/// <summary>A number of fibre-tracing voxels for each axis of a <c>[z, row, col]</c> volume (x = col, y = row).</summary>
/// <param name="X">Voxels along x (volume axis 2, columns).</param>
/// <param name="Y">Voxels along y (volume axis 1, rows).</param>
/// <param name="Z">Voxels along z (volume axis 0, slices).</param>
public readonly record struct VoxelPads(int X, int Y, int Z)
{
    /// <summary>Adds <paramref name="amount"/> to every axis.</summary>
    public VoxelPads Plus(int amount) => new(X + amount, Y + amount, Z + amount);

    /// <summary>The smallest of the three values.</summary>
    public int Min => Math.Min(X, Math.Min(Y, Z));
}
