using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Phantom;

/// <summary>
/// Writes all angles' frames of one raster slice into a part file (HDF5): /angle_NNN/frames [positions, rows,
/// columns] int32 (float32 with phantom.float_frames) in bitshuffle + LZ4 chunks of one frame, /frame_sums [angles, positions], and the plan's
/// fingerprint, slice and shape as root attributes. Slices are independent, so a build can run them in separate
/// processes; <see cref="SaxsAssembler"/> turns the parts into the per-angle NeXus files.
/// </summary>
internal static class SlicePartWriter
{
    public const string FramesName = "frames";
    public const string SumsPath = "/frame_sums";

    public static string AngleGroup(int angle) => $"angle_{angle:D3}";

    public static string FramesPath(int angle) => $"/{AngleGroup(angle)}/{FramesName}";

    public static void Write(PhantomPlan plan, int slice, string path, IProgress<PhantomProgress>? progress, PhantomRunOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slice);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slice, plan.Slices);
        var detector = plan.Detector;
        var (rows, columns, pixels) = (detector.Rows, detector.Columns, detector.PixelCount);
        var angles = plan.AnglesDeg.Count;
        var positions = plan.Positions;
        var root = new ArtefactGroup();
        root.Attributes.Set("fingerprint", plan.Fingerprint).Set("slice", slice).Set("angles", angles)
            .Set("positions", positions).Set("description", "phantom frames of one raster slice, all angles; assembled into the SAXS NeXus files");
        for (var angle = 0; angle < angles; angle++)
        {
            var storage = ArtefactStorage.ChunkedBitshuffleLz4([1, rows, columns]);
            var group = root.Group(AngleGroup(angle));
            (plan.Spec.FloatFrames ? group.AddStreamedDataset<float>(FramesName, [positions, rows, columns], storage)
                : group.AddStreamedDataset<int>(FramesName, [positions, rows, columns], storage)).Attributes.Set("angle_deg", plan.AnglesDeg[angle]);
        }

        root.AddStreamedDataset<double>(SumsPath.TrimStart('/'), [angles, positions], ArtefactStorage.Chunked([1, positions], deflateLevel: null, shuffle: false));

        using var writer = Hdf5ArtefactWriter.Begin(path, root);
        var images = new List<float[]>();
        for (var angle = 0; angle < angles; angle++)
        {
            var frame = plan.Frames[angle];
            // The fibre model of every fibre this slice's beams cross at this angle, once, reused along the slice.
            var numbers = Enumerable.Range(0, positions)
                .SelectMany(position => plan.Paths.Crossings[plan.Paths.Index(angle, slice, position)])
                .Select(crossing => crossing.FibreNumber).Distinct().Order().ToArray();
            while (images.Count < numbers.Length)
            {
                images.Add(new float[pixels]);
            }

            Parallel.For(0, numbers.Length, options.Parallel, k => FrameSynthesis.FibreImage(detector, plan.Fibres[numbers[k]], frame, images[k]));
            var imageOf = numbers.Select((number, k) => (number, k)).ToDictionary(pair => pair.number, pair => images[pair.k]);

            var sums = new double[positions];
            var currentAngle = angle;
            void Expected(int position, double[] expected)
            {
                var index = plan.Paths.Index(currentAngle, slice, position);
                var crossings = plan.Paths.Crossings[index];
                var countScale = plan.Spec.Beam.Gain * plan.Paths.IncidentFlux[index] * plan.Spec.Beam.CountTimeS * plan.Paths.Transmission[index];
                FrameSynthesis.ExpectedCounts(detector, crossings, [.. crossings.Select(c => imageOf[c.FibreNumber])],
                    [.. crossings.Select(c => plan.Fibres[c.FibreNumber].Amplitude)],
                    plan.Paths.Kapton[index], plan.Paths.Buffer[index], plan.Paths.Tissue[index], countScale, expected);
            }

            void Written(int position, double sum)
            {
                sums[position] = sum;
                progress?.Report(new PhantomProgress("frames", slice, currentAngle * positions + position + 1, angles * positions));
            }

            if (plan.Spec.FloatFrames)
            {
                FrameBatches.Run<float>(positions, pixels, options,
                    (position, raw, expected) =>
                    {
                        Expected(position, expected);
                        return FrameSynthesis.RawFrame(detector, expected, raw);
                    },
                    (position, raw, sum) =>
                    {
                        writer.WriteSlab(FramesPath(currentAngle), [position, 0, 0], [1, rows, columns], raw);
                        Written(position, sum);
                    });
            }
            else
            {
                FrameBatches.Run<int>(positions, pixels, options,
                    (position, raw, expected) =>
                    {
                        Expected(position, expected);
                        var random = new PhantomRandom(plan.Spec.Seed, "frame", currentAngle, slice, position);
                        return FrameSynthesis.RawFrame(detector, expected, plan.Spec.Noise, random, raw);
                    },
                    (position, raw, sum) =>
                    {
                        writer.WriteSlab(FramesPath(currentAngle), [position, 0, 0], [1, rows, columns], raw);
                        Written(position, sum);
                    });
            }
            writer.WriteSlab(SumsPath, [angle, 0], [1, positions], sums);
        }

        writer.Commit();
    }
}
