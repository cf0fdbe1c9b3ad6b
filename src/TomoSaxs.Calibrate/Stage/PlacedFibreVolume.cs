using TomoSaxs.Calibrate.Fibres;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>
/// A traced fibre volume seen on the calibrated fibre grid of a <see cref="FibrePlacement"/>: each slab is read
/// from the traced stack when asked and copied in at the whole-voxel shift (zeros elsewhere), the values converted
/// exactly (angles and ids are never interpolated). Only the requested slab and the traced slices it overlaps are
/// in memory.
/// </summary>
/// <typeparam name="T">The stored voxel type (byte angles, int ids).</typeparam>
public sealed class PlacedFibreVolume<T> : ISlabReader<T>
    where T : unmanaged
{
    private readonly ISlabReader<float> traced;
    private readonly (int Z, int Y, int X) shift;
    private readonly Func<float, T> convert;

    /// <summary>Places <paramref name="traced"/> on <paramref name="placement"/>'s grid.</summary>
    /// <param name="traced">The traced volume, read as float (exact for 8- and 16-bit stacks).</param>
    /// <param name="placement">The calibrated grid and the shift.</param>
    /// <param name="convert">The exact conversion of a stored value (throws on a value the type cannot hold).</param>
    public PlacedFibreVolume(ISlabReader<float> traced, FibrePlacement placement, Func<float, T> convert)
    {
        this.traced = traced;
        shift = placement.Shift;
        this.convert = convert;
        Shape = placement.Shape;
    }

    /// <inheritdoc />
    public VolumeShape Shape { get; }

    /// <inheritdoc />
    public T[,,] ReadSlab(int zStart, int zEnd)
    {
        SlabRange.Check(zStart, zEnd, Shape.Depth);
        var slab = new T[zEnd - zStart, Shape.Height, Shape.Width];
        var source = traced.Shape;
        var z0 = Math.Max(zStart, shift.Z);
        var z1 = Math.Min(zEnd, shift.Z + source.Depth);
        var y0 = Math.Max(0, shift.Y);
        var y1 = Math.Min(Shape.Height, shift.Y + source.Height);
        var x0 = Math.Max(0, shift.X);
        var x1 = Math.Min(Shape.Width, shift.X + source.Width);
        if (z1 <= z0 || y1 <= y0 || x1 <= x0)
        {
            return slab;
        }

        var values = traced.ReadSlab(z0 - shift.Z, z1 - shift.Z);
        for (var z = z0; z < z1; z++)
        {
            for (var y = y0; y < y1; y++)
            {
                for (var x = x0; x < x1; x++)
                {
                    slab[z - zStart, y, x] = convert(values[z - z0, y - shift.Y, x - shift.X]);
                }
            }
        }

        return slab;
    }
}
