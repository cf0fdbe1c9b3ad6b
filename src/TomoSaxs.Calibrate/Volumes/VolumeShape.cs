namespace TomoSaxs.Calibrate.Volumes;

/// <summary>The size of a <c>[z, row, col]</c> volume in voxels.</summary>
/// <param name="Depth">Slices (z, axis 0).</param>
/// <param name="Height">Rows per slice (y, axis 1).</param>
/// <param name="Width">Columns per slice (x, axis 2).</param>
public readonly record struct VolumeShape(int Depth, int Height, int Width)
{
    /// <summary>Voxels per slice.</summary>
    public long SliceVoxels => (long)Height * Width;

    /// <summary>Voxels in the volume.</summary>
    public long Voxels => Depth * SliceVoxels;

    /// <summary>The shape of a <c>[z, row, col]</c> array.</summary>
    public static VolumeShape Of<T>(T[,,] volume) => new(volume.GetLength(0), volume.GetLength(1), volume.GetLength(2));

    /// <summary>Throws unless every dimension is at least 1, naming <paramref name="what"/>.</summary>
    /// <exception cref="ArgumentException">A dimension is zero or negative (an empty stack).</exception>
    public void RequireNonEmpty(string what)
    {
        if (Depth < 1 || Height < 1 || Width < 1)
        {
            throw new ArgumentException($"{what} is empty: {this} (every dimension must be at least 1).");
        }
    }

    /// <summary>"D × H × W (z × rows × cols)".</summary>
    public override string ToString() => $"{Depth} × {Height} × {Width} (z × rows × cols)";
}
