using System.Diagnostics;
using System.Globalization;
using TomoSaxs.Correct.Output;
using TomoSaxs.Correct.Stage;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Phantom;

namespace TomoSaxs.Benchmarks;

/// <summary>
/// Correct on one slice of a phantom scan (the bench preset), against the time to only read the same frame boxes
/// and write them as float32 in the same layout (bitshuffle + LZ4, one frame per chunk). Thickness from truth.
/// Prints one JSON object: mode, frames, seconds, frames/s, peak working set (MB), output size, and the largest
/// difference between the frames' offsets from the tube centre and truth (a check that the centres were found).
/// </summary>
internal static class CorrectBenchmark
{
    public static string Run(string scanYaml, string truthFolder, int slice, string mode, string store, string output, int threads)
    {
        var definition = PhantomDefinition.Load(scanYaml, [$"correct.store={store}"]);
        var raw = definition.Raw;
        var inputs = new CorrectInputs([.. raw.Saxs.Files], [.. raw.Saxs.AnglesDeg], raw.Background, raw.Buffer, raw.Mask, raw.Calibration);
        var settings = CorrectSettings.From(definition);
        var thickness = ReadThickness(Path.Combine(truthFolder, "beam_paths.h5"));
        var clock = Stopwatch.StartNew();
        using var corrector = SliceCorrector.Prepare(inputs, settings, thickness, slice);
        var frames = corrector.Angles.Sum(a => a.Frames.Count);
        if (mode == "correct")
        {
            corrector.Write(output, maxParallelism: threads);
        }
        else
        {
            CopyBoxes(corrector, output);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var truthOffsets = ReadThickness(Path.Combine(truthFolder, "beam_paths.h5"), "/paths/offset_from_tube_um");
        var offsetError = corrector.Angles.Select((angle, a) => angle.Frames.Select((frame, p) => Math.Abs(frame.OffsetUm - truthOffsets[a, slice, p])).Max()).Max();
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        var box = corrector.Box;
        var sampleFramesRead = corrector.Angles.Sum(angle => angle.Frames.Count(SliceCorrector.NeedsSample));
        // The raw SAXS frames of one slice: every angle's file over its number of slices.
        var rawSliceMb = corrector.Inputs.SaxsFiles.Sum(file => new FileInfo(file).Length) / 1048576.0 / SlicesOf(corrector.Inputs.SaxsFiles[0]);
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"mode\":\"{mode}\",\"store\":\"{store}\",\"box\":\"{box.Rows}x{box.Columns}\",\"frames\":{frames},\"sample_frames_read\":{sampleFramesRead},\"seconds\":{seconds:F2}," +
            $"\"frames_per_s\":{frames / seconds:F1},\"peak_working_set_mb\":{peakMb:F0},\"output_mb\":{new FileInfo(output).Length / 1048576.0:F1},\"raw_slice_mb\":{rawSliceMb:F1},\"threads\":{threads},\"max_offset_error_um\":{offsetError:F3}}}");
    }

    /// <summary>
    /// The I/O-only pass: the same reads and writes as Correct — each background and buffer frame Correct matches, once
    /// (it caches them), and the box of every sample frame Correct corrects, converted to float32; frames Correct
    /// skips are not read and are written as the fill value — in the same layout, without correcting.
    /// </summary>
    private static void CopyBoxes(SliceCorrector corrector, string output)
    {
        var box = corrector.Box;
        var root = new ArtefactGroup();
        for (var a = 0; a < corrector.Angles.Count; a++)
        {
            root.Group(CorrectedFile.AngleGroup(a)).AddStreamedDataset<float>("frames", [corrector.Angles[a].Frames.Count, box.Rows, box.Columns],
                ArtefactStorage.ChunkedBitshuffleLz4([1, box.Rows, box.Columns]));
        }

        var sampleFrames = corrector.Angles.SelectMany(angle => angle.Frames).Where(SliceCorrector.NeedsSample).ToList();
        var checksum = 0.0;
        foreach (var (reference, matches) in new[]
        {
            (corrector.Inputs.Background, sampleFrames.Select(frame => frame.Background)),
            (corrector.Buffer is null ? null : corrector.Inputs.Buffer, sampleFrames.Select(frame => frame.Buffer)),
        })
        {
            if (reference is null)
            {
                continue;
            }

            using var scan = I22Scan.Open(reference);
            var indices = corrector.Settings.BackgroundType == BackgroundType.Averaged
                ? Enumerable.Range(0, scan.Positions)
                : matches.SelectMany(match => match.UpperWeight == 0 ? [match.Lower] : new[] { match.Lower, match.Upper }).Distinct();
            foreach (var k in indices)
            {
                checksum += scan.ReadFrameRegion<double>(0, k, box.FirstRow, box.Rows, box.FirstColumn, box.Columns).Pixels[0];
            }
        }

        var fill = new float[box.PixelCount];
        Array.Fill(fill, corrector.Settings.MaskedFill);
        using var writer = Hdf5ArtefactWriter.Begin(output, root);
        for (var a = 0; a < corrector.Angles.Count; a++)
        {
            using var scan = I22Scan.Open(corrector.Angles[a].File);
            for (var p = 0; p < corrector.Angles[a].Frames.Count; p++)
            {
                if (!SliceCorrector.NeedsSample(corrector.Angles[a].Frames[p]))
                {
                    writer.WriteSlab(CorrectedFile.FramesPath(a), [p, 0, 0], [1, box.Rows, box.Columns], fill);
                    continue;
                }

                var pixels = scan.ReadFrameRegion<double>(corrector.Slice, p, box.FirstRow, box.Rows, box.FirstColumn, box.Columns).Pixels;
                var values = new float[pixels.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (float)pixels[i];
                }

                writer.WriteSlab(CorrectedFile.FramesPath(a), [p, 0, 0], [1, box.Rows, box.Columns], values);
            }
        }

        writer.Commit();
        GC.KeepAlive(checksum);
    }

    private static int SlicesOf(string saxsFile)
    {
        using var scan = I22Scan.Open(saxsFile);
        return scan.Slices;
    }

    private static double[,,] ReadThickness(string beamPaths, string dataset = "/paths/sample_um")
    {
        using var file = Hdf5File.Open(beamPaths);
        var data = file.Dataset(dataset);
        var values = data.Read<double>();
        var result = new double[data.Shape[0], data.Shape[1], data.Shape[2]];
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(double));
        return result;
    }
}
