using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Geometry;
using TomoSaxs.Integration;

namespace TomoSaxs.Benchmarks;

/// <summary>
/// The integration benchmark of docs/benchmarks.md: on a full Pilatus 2M frame in the I22 geometry, the
/// pipeline's band I(χ) (peak, inner and outer bands; 180 χ bins over χ_pipeline [90°, 270°)) plus a 300-bin I(q)
/// over the whole detector, both with bounding-box splitting — the same work pyFAI does in
/// bench/integration/pyfai_integration.py.
/// </summary>
internal static class IntegrationBenchmark
{
    public static string Run(string outDirectory, int frames)
    {
        Directory.CreateDirectory(outDirectory);
        var geometry = I22Reference.Geometry;
        var rows = I22Reference.Rows;
        var cols = I22Reference.Cols;
        var centreRow = geometry.Poni1Um / geometry.Pixel1Um;
        var centreCol = geometry.Poni2Um / geometry.Pixel2Um;
        var maskValues = PilatusFrame.Mask(rows, cols, centreRow, centreCol);

        // Operator build, cold (includes the per-pixel geometry and first-use JIT).
        var build = Stopwatch.StartNew();
        var map = PixelMap.Create(geometry, rows, cols);
        var mask = DetectorMask.FromValues<byte>(maskValues, rows, cols);
        var bands = BandDifferenceOperator.Build(map, mask, BandDifferenceSpec.AroundPeak(chiBins: 180));
        var profile = RadialProfileOperator.Build(map, mask, new RadialProfileSpec(300, PixelSplitting.BoundingBox));
        var buildSeconds = build.Elapsed.TotalSeconds;

        var stack = Enumerable.Range(0, 8).Select(seed => PilatusFrame.Counts(map, maskValues, seed)).ToArray();
        WriteComparisonInputs(outDirectory, stack[0], maskValues, geometry);

        void IntegrateOne(int[] frame)
        {
            bands.Integrate<int>(frame);
            profile.Integrate<int>(frame);
        }

        foreach (var frame in stack)
        {
            IntegrateOne(frame); // warm-up: JIT and caches
        }

        var serial = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
        {
            IntegrateOne(stack[i % stack.Length]);
        }

        var serialSeconds = serial.Elapsed.TotalSeconds / frames;

        // The band I(χ) alone: the part of the work the Integrate stage does for every frame.
        var bandsOnly = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
        {
            bands.Integrate<int>(stack[i % stack.Length]);
        }

        var bandsOnlySeconds = bandsOnly.Elapsed.TotalSeconds / frames;

        var cores = Environment.ProcessorCount;
        var parallel = Stopwatch.StartNew();
        Parallel.For(0, frames, new ParallelOptions { MaxDegreeOfParallelism = cores }, i => IntegrateOne(stack[i % stack.Length]));
        var parallelSeconds = parallel.Elapsed.TotalSeconds / frames;

        return JsonSerializer.Serialize(new
        {
            frame = new[] { rows, cols },
            masked_pixels = mask.ExcludedCount,
            band_operator_nonzeros = bands.Matrix.NonZeroCount,
            iq_operator_nonzeros = profile.Matrix.NonZeroCount,
            operator_build_s = buildSeconds,
            frames,
            per_frame_one_core_s = serialSeconds,
            frames_per_s_one_core = 1 / serialSeconds,
            per_frame_band_ichi_only_s = bandsOnlySeconds,
            cores,
            per_frame_all_cores_s = parallelSeconds,
            frames_per_s_all_cores = 1 / parallelSeconds,
        });
    }

    /// <summary>The frame, mask and geometry the comparison tools read, so both sides integrate the same data.</summary>
    private static void WriteComparisonInputs(string outDirectory, int[] frame, byte[] mask, PoniGeometry geometry)
    {
        var root = new ArtefactGroup();
        root.AddDataset("frame", frame, [I22Reference.Rows, I22Reference.Cols]);
        root.AddDataset("mask", mask, [I22Reference.Rows, I22Reference.Cols]);
        Hdf5ArtefactWriter.Write(Path.Combine(outDirectory, "frame.h5"), root);
        new PoniFile(geometry, "Pilatus2m", (I22Reference.Rows, I22Reference.Cols)).Write(Path.Combine(outDirectory, "geometry.poni"));
        File.WriteAllText(Path.Combine(outDirectory, "bands.json"), string.Create(CultureInfo.InvariantCulture,
            $"{{\"peak\":[0.272179,0.292179],\"inner\":[0.267179,0.272179],\"outer\":[0.292179,0.297179]}}"));
    }
}
