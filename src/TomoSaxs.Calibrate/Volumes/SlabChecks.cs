namespace TomoSaxs.Calibrate.Volumes;

/// <summary>Shape checks shared by the slab writers.</summary>
internal static class SlabChecks
{
    public static void RequireFits<T>(T[,,] slab, VolumeShape shape, int alreadyWritten)
    {
        if (slab.GetLength(1) != shape.Height || slab.GetLength(2) != shape.Width)
        {
            throw new ArgumentException(
                $"A slab of {slab.GetLength(1)} × {slab.GetLength(2)} pixels per slice does not fit a volume of {shape}.", nameof(slab));
        }

        if (alreadyWritten + slab.GetLength(0) > shape.Depth)
        {
            throw new ArgumentException(
                $"A slab of {slab.GetLength(0)} slices after {alreadyWritten} written overflows a volume of {shape}.", nameof(slab));
        }
    }
}
