using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Resampling;

/// <summary>
/// Brings a volume to another voxel size by exact area (volume) averaging: each output voxel is the mean of the
/// input over its footprint, with fractional overlaps weighted by their length on each axis (separable, so
/// the 3-D weight is the product of the three axis weights). This replaces Fiji's "Adjust Size" with averaging
/// (registration note §9) and works for integer and fractional factors (1.625 → 6.5 µm is ×4, 2.6 → 6.5 µm
/// is ×2.5).
/// </summary>
/// <remarks>
/// The volume streams through in z: input slices are read in slabs, each is averaged in-plane once, and added
/// into the output planes it overlaps; an output plane is written as soon as its last input slice is in. Memory
/// is bounded by one input slab, two in-plane work images and ⌈v_in/v_out⌉ + 1 open output planes, whatever
/// the depth. Output voxels the input does not reach get the fill value. Arithmetic is in double and
/// in the same order whatever the slab depths, so slab-wise and whole-volume results are bit-identical.
/// </remarks>
public static class AreaResampler
{
    /// <summary>
    /// Resamples <paramref name="input"/> onto the grid of <paramref name="geometry"/> and writes it to
    /// <paramref name="output"/> in slabs of <paramref name="outputSlabDepth"/> slices, reading
    /// <paramref name="inputSlabDepth"/> input slices at a time.
    /// </summary>
    /// <exception cref="ArgumentException">The reader, writer and geometry disagree on shapes.</exception>
    public static void Resample(
        ISlabReader<float> input, ResampleGeometry geometry, ISlabWriter<float> output,
        int inputSlabDepth = 8, int outputSlabDepth = 8, float fill = 0f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSlabDepth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSlabDepth, 1);
        if (input.Shape != geometry.Input)
        {
            throw new ArgumentException($"The input volume is {input.Shape} but the geometry expects {geometry.Input}.", nameof(input));
        }

        if (output.Shape != geometry.Output)
        {
            throw new ArgumentException($"The output volume is {output.Shape} but the geometry makes {geometry.Output}.", nameof(output));
        }

        var (fz, fy, fx) = geometry.Footprints();
        var plane = new InPlaneAverager(fy, fx);
        var outputPlane = geometry.Output.SliceVoxels;
        var (usedFirst, usedEnd) = fz.UsedInputs();
        var open = new Dictionary<int, double[]>();
        var pending = new List<float[]>();
        var nextOutput = 0;

        void Emit(int o, double[]? sums)
        {
            var values = new float[outputPlane];
            if (sums is null || fz.Weights(o).Length == 0)
            {
                Array.Fill(values, fill);
            }
            else
            {
                for (var p = 0; p < values.Length; p++)
                {
                    values[p] = plane.IsCovered(p) ? (float)sums[p] : fill;
                }
            }

            pending.Add(values);
            if (pending.Count == outputSlabDepth || o == geometry.Output.Depth - 1)
            {
                output.WriteSlab(Stack(pending, geometry.Output));
                pending.Clear();
            }
        }

        // Outputs whose footprint ends before an input slice can be emitted once that slice is reached.
        void EmitFinishedBefore(int input)
        {
            while (nextOutput < geometry.Output.Depth && LastInput(fz, nextOutput) < input)
            {
                open.Remove(nextOutput, out var sums);
                Emit(nextOutput, sums);
                nextOutput++;
            }
        }

        for (var slabStart = usedFirst; slabStart < usedEnd; slabStart += inputSlabDepth)
        {
            var slabEnd = Math.Min(usedEnd, slabStart + inputSlabDepth);
            var slab = input.ReadSlab(slabStart, slabEnd);
            for (var z = slabStart; z < slabEnd; z++)
            {
                EmitFinishedBefore(z);
                var averaged = plane.Average(slab, z - slabStart);
                for (var o = nextOutput; o < geometry.Output.Depth && fz.FirstInput(o) <= z; o++)
                {
                    var weights = fz.Weights(o);
                    var k = z - fz.FirstInput(o);
                    if (k >= weights.Length)
                    {
                        continue;
                    }

                    if (!open.TryGetValue(o, out var sums))
                    {
                        sums = new double[outputPlane];
                        open[o] = sums;
                    }

                    var w = weights[k];
                    for (var p = 0; p < sums.Length; p++)
                    {
                        sums[p] += w * averaged[p];
                    }
                }
            }
        }

        EmitFinishedBefore(int.MaxValue);
    }

    /// <summary>Resamples an in-memory volume; the same arithmetic as the streaming overload.</summary>
    public static float[,,] Resample(float[,,] input, ResampleGeometry geometry, float fill = 0f)
    {
        var writer = new ArraySlabWriter<float>(geometry.Output);
        Resample(new ArraySlabReader<float>(input), geometry, writer, input.GetLength(0), geometry.Output.Depth, fill);
        return writer.Volume;
    }

    /// <summary>Changes the voxel size of an in-memory volume (<see cref="ResampleGeometry.Covering"/>).</summary>
    public static float[,,] Resample(float[,,] input, double inputVoxelUm, double outputVoxelUm) =>
        Resample(input, ResampleGeometry.Covering(VolumeShape.Of(input), inputVoxelUm, outputVoxelUm));

    private static int LastInput(AxisFootprint footprint, int output) =>
        footprint.Weights(output).Length == 0 ? -1 : footprint.FirstInput(output) + footprint.Weights(output).Length - 1;

    private static float[,,] Stack(List<float[]> planes, VolumeShape shape)
    {
        var slab = new float[planes.Count, shape.Height, shape.Width];
        for (var i = 0; i < planes.Count; i++)
        {
            Buffer.BlockCopy(planes[i], 0, slab, i * planes[i].Length * sizeof(float), planes[i].Length * sizeof(float));
        }

        return slab;
    }
}
