using TomoSaxs.Formats.Tiff;

namespace TomoSaxs.Calibrate.Volumes;

/// <summary>
/// Writes a volume as a TIFF stack folder slab by slab (one file per slice). The folder appears only on
/// <see cref="Commit"/>; disposing without committing leaves nothing behind.
/// </summary>
/// <typeparam name="T">byte (8-bit), ushort (16-bit) or float (32-bit float) voxels.</typeparam>
public sealed class TiffStackSlabWriter<T> : ISlabWriter<T>, IDisposable
    where T : unmanaged
{
    private readonly TiffStackWriter<T> writer;

    /// <summary>Starts the stack folder <paramref name="folder"/> for a volume of <paramref name="shape"/>.</summary>
    public TiffStackSlabWriter(string folder, VolumeShape shape, TiffWriteOptions? options = null)
    {
        shape.RequireNonEmpty($"The stack '{folder}'");
        Shape = shape;
        writer = new TiffStackWriter<T>(folder, shape.Width, shape.Height, options);
    }

    /// <inheritdoc />
    public VolumeShape Shape { get; }

    /// <inheritdoc />
    public void WriteSlab(T[,,] slab)
    {
        SlabChecks.RequireFits(slab, Shape, writer.SliceCount);
        writer.AppendSlices(slab);
    }

    /// <summary>Renames the finished folder into place.</summary>
    /// <exception cref="InvalidOperationException">Fewer slices than <see cref="VolumeShape.Depth"/> were written.</exception>
    public void Commit()
    {
        if (writer.SliceCount != Shape.Depth)
        {
            throw new InvalidOperationException($"Only {writer.SliceCount} of {Shape.Depth} slices were written.");
        }

        writer.Commit();
    }

    /// <inheritdoc />
    public void Dispose() => writer.Dispose();
}
