using TomoSaxs.Calibrate.Resampling;
using TomoSaxs.Calibrate.Tests.Support;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Tests.Resampling;

/// <summary>Run alone: the memory test measures the whole process's live heap, which parallel tests would disturb.</summary>
[CollectionDefinition(nameof(SlabStreamingTests), DisableParallelization = true)]
public sealed class SlabStreamingCollection;

[Collection(nameof(SlabStreamingTests))]
public class SlabStreamingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(7, 5)]
    [InlineData(40, 40)]
    public void Slab_wise_result_equals_the_whole_volume_result_bit_for_bit(int inputSlab, int outputSlab)
    {
        var input = Synthetic.Volume(40, 24, 20, Synthetic.Pattern);
        var geometry = ResampleGeometry.Covering(VolumeShape.Of(input), 2.6, 6.5);
        var whole = AreaResampler.Resample(input, geometry);
        var writer = new ArraySlabWriter<float>(geometry.Output);
        AreaResampler.Resample(new ArraySlabReader<float>(input), geometry, writer, inputSlab, outputSlab);
        Assert.True(writer.IsComplete);
        Assert.Equal(Bits(whole), Bits(writer.Volume));
    }

    [Fact]
    public void Memory_stays_bounded_by_a_few_slices_whatever_the_depth()
    {
        // A 96-slice procedural volume is never held: the reader makes slabs on demand and tracks, through weak
        // references, how many slices it handed out are still alive; the writer keeps only a checksum.
        const int depth = 96, height = 128, width = 128, slab = 2;
        var reader = new CountingReader(new VolumeShape(depth, height, width), slab);
        var geometry = ResampleGeometry.Covering(reader.Shape, 2.6, 6.5);
        var writer = new ChecksumWriter(geometry.Output);
        reader.Baseline = GC.GetTotalMemory(forceFullCollection: true);
        AreaResampler.Resample(reader, geometry, writer, inputSlabDepth: slab, outputSlabDepth: 4);

        output.WriteLine($"{reader.SlicesRead} slices read; at most {reader.MaxAliveSlices} alive at once (bound {slab}); live heap grew by at most " +
            $"{reader.MaxLiveBytes / 1024.0:F0} KiB for a {(long)depth * height * width * sizeof(float) / 1024.0:F0} KiB volume (bound: an eighth)");
        Assert.Equal(depth, reader.SlicesRead); // every slice read exactly once
        Assert.True(reader.MaxAliveSlices <= slab, $"{reader.MaxAliveSlices} slices alive at once");
        var volumeBytes = (long)depth * height * width * sizeof(float);
        Assert.True(reader.MaxLiveBytes < volumeBytes / 8,
            $"live memory grew by {reader.MaxLiveBytes} bytes for a {volumeBytes}-byte volume");

        // And the streamed result is the whole-volume result.
        var whole = AreaResampler.Resample(Synthetic.Volume(depth, height, width, Synthetic.Pattern), geometry);
        Assert.Equal(Checksum(whole), writer.Checksum);
    }

    private static int[] Bits(float[,,] volume) => [.. volume.Cast<float>().Select(BitConverter.SingleToInt32Bits)];

    private static long Checksum(float[,,] volume)
    {
        long sum = 0;
        var i = 0L;
        foreach (var v in volume)
        {
            sum += (++i) * BitConverter.SingleToInt32Bits(v);
        }

        return sum;
    }

    private sealed class CountingReader(VolumeShape shape, int slabDepth) : ISlabReader<float>
    {
        private readonly List<(WeakReference Slab, int Depth)> handedOut = [];

        public VolumeShape Shape => shape;

        public long Baseline { get; set; }

        public int SlicesRead { get; private set; }

        public int MaxAliveSlices { get; private set; }

        public long MaxLiveBytes { get; private set; }

        public float[,,] ReadSlab(int zStart, int zEnd)
        {
            Assert.True(zEnd - zStart <= slabDepth);
            var live = GC.GetTotalMemory(forceFullCollection: true) - Baseline;
            MaxLiveBytes = Math.Max(MaxLiveBytes, live);
            MaxAliveSlices = Math.Max(MaxAliveSlices, handedOut.Where(entry => entry.Slab.IsAlive).Sum(entry => entry.Depth));
            var slab = new float[zEnd - zStart, shape.Height, shape.Width];
            for (var z = zStart; z < zEnd; z++)
            {
                for (var r = 0; r < shape.Height; r++)
                {
                    for (var c = 0; c < shape.Width; c++)
                    {
                        slab[z - zStart, r, c] = Synthetic.Pattern(z, r, c);
                    }
                }
            }

            handedOut.Add((new WeakReference(slab), zEnd - zStart));
            SlicesRead += zEnd - zStart;
            return slab;
        }
    }

    private sealed class ChecksumWriter(VolumeShape shape) : ISlabWriter<float>
    {
        private long index;

        public VolumeShape Shape => shape;

        public long Checksum { get; private set; }

        public void WriteSlab(float[,,] slab)
        {
            foreach (var v in slab)
            {
                Checksum += (++index) * BitConverter.SingleToInt32Bits(v);
            }
        }
    }
}
