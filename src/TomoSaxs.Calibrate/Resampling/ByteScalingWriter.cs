using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Resampling;

/// <summary>
/// A float slab writer that stores 8-bit voxels: each slab is mapped through an <see cref="IntensityWindow"/>
/// and passed to a byte writer. Chain it after <see cref="AreaResampler"/> for "8-bit out".
/// </summary>
public sealed class ByteScalingWriter : ISlabWriter<float>
{
    private readonly ISlabWriter<byte> target;
    private readonly IntensityWindow window;

    /// <summary>Writes to <paramref name="target"/> through <paramref name="window"/>.</summary>
    public ByteScalingWriter(ISlabWriter<byte> target, IntensityWindow window)
    {
        if (!(window.High > window.Low))
        {
            throw new ArgumentException($"The intensity window [{window.Low}, {window.High}] is empty.", nameof(window));
        }

        this.target = target;
        this.window = window;
    }

    /// <inheritdoc />
    public VolumeShape Shape => target.Shape;

    /// <inheritdoc />
    public void WriteSlab(float[,,] slab)
    {
        var bytes = new byte[slab.GetLength(0), slab.GetLength(1), slab.GetLength(2)];
        for (var z = 0; z < slab.GetLength(0); z++)
        {
            for (var r = 0; r < slab.GetLength(1); r++)
            {
                for (var c = 0; c < slab.GetLength(2); c++)
                {
                    bytes[z, r, c] = window.ToByte(slab[z, r, c]);
                }
            }
        }

        target.WriteSlab(bytes);
    }
}
