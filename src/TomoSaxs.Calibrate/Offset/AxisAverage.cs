using TomoSaxs.Calibrate.Resampling;

namespace TomoSaxs.Calibrate.Offset;

/// <summary>
/// One axis of separable area averaging on an in-memory volume: every output voxel along <c>axis</c> is the
/// footprint-weighted mean of the input voxels it overlaps (<see cref="AxisFootprint"/>), the other two axes kept.
/// Three of these in a row are <see cref="AreaResampler"/>'s result; one at a time lets a search along one axis
/// reuse the other two.
/// </summary>
public static class AxisAverage
{
    /// <summary>The volume averaged along <paramref name="axis"/> (0 = z, 1 = rows, 2 = columns) onto the
    /// <see cref="AxisFootprint.OutputCount"/> voxels of <paramref name="footprint"/>; an output the input does not
    /// reach is NaN.</summary>
    /// <exception cref="ArgumentException">The footprint's input count differs from the volume's length on the axis.</exception>
    public static float[,,] Along(float[,,] volume, int axis, AxisFootprint footprint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(axis);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(axis, 2);
        int[] shape = [volume.GetLength(0), volume.GetLength(1), volume.GetLength(2)];
        if (shape[axis] != footprint.InputCount)
        {
            throw new ArgumentException($"The footprint has {footprint.InputCount} inputs but the volume {shape[axis]} voxels along axis {axis}.", nameof(footprint));
        }

        var outShape = (int[])shape.Clone();
        outShape[axis] = footprint.OutputCount;
        return Along(volume, axis, footprint, new float[outShape[0], outShape[1], outShape[2]]);
    }

    /// <summary>As <see cref="Along(float[,,], int, AxisFootprint)"/>, into <paramref name="result"/> (reused by an
    /// iterative caller so a large volume is not allocated afresh per trial).</summary>
    /// <exception cref="ArgumentException">The result's shape is not the volume's with the axis resampled.</exception>
    public static float[,,] Along(float[,,] volume, int axis, AxisFootprint footprint, float[,,] result)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(axis);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(axis, 2);
        int[] shape = [volume.GetLength(0), volume.GetLength(1), volume.GetLength(2)];
        var outShape = (int[])shape.Clone();
        outShape[axis] = footprint.OutputCount;
        if (shape[axis] != footprint.InputCount || result.GetLength(0) != outShape[0] || result.GetLength(1) != outShape[1] || result.GetLength(2) != outShape[2])
        {
            throw new ArgumentException($"Averaging axis {axis} of a {shape[0]} × {shape[1]} × {shape[2]} volume with a footprint of " +
                $"{footprint.InputCount} → {footprint.OutputCount} voxels does not give the result's shape.", nameof(result));
        }

        for (var z = 0; z < outShape[0]; z++)
        {
            for (var y = 0; y < outShape[1]; y++)
            {
                for (var x = 0; x < outShape[2]; x++)
                {
                    var o = axis == 0 ? z : axis == 1 ? y : x;
                    var weights = footprint.Weights(o);
                    if (weights.Length == 0)
                    {
                        result[z, y, x] = float.NaN;
                        continue;
                    }

                    var first = footprint.FirstInput(o);
                    var sum = 0.0;
                    for (var k = 0; k < weights.Length; k++)
                    {
                        var i = first + k;
                        sum += weights[k] * (axis == 0 ? volume[i, y, x] : axis == 1 ? volume[z, i, x] : volume[z, y, i]);
                    }

                    result[z, y, x] = (float)sum;
                }
            }
        }

        return result;
    }
}
