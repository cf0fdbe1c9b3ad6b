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
        var result = new float[outShape[0], outShape[1], outShape[2]];
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
