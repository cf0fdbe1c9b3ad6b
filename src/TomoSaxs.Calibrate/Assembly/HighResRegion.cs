namespace TomoSaxs.Calibrate.Assembly;

/// <summary>
/// The box of the combined CT (common voxels, [start, end) per axis) whose voxels come from the high-res scan:
/// the voxels the high-res field of view covers completely. Partly covered voxels at its faces keep the
/// low-res value, so no voxel mixes the two scans.
/// </summary>
/// <param name="Z0">First slice.</param>
/// <param name="Z1">One past the last slice.</param>
/// <param name="Y0">First row.</param>
/// <param name="Y1">One past the last row.</param>
/// <param name="X0">First column.</param>
/// <param name="X1">One past the last column.</param>
public readonly record struct HighResRegion(int Z0, int Z1, int Y0, int Y1, int X0, int X1)
{
    /// <summary>Whether the box holds no voxel (the high-res field of view misses the low-res volume).</summary>
    public bool IsEmpty => Z1 <= Z0 || Y1 <= Y0 || X1 <= X0;

    /// <summary>Whether voxel (z, y, x) lies in the box.</summary>
    public bool Contains(int z, int y, int x) => z >= Z0 && z < Z1 && y >= Y0 && y < Y1 && x >= X0 && x < X1;
}
