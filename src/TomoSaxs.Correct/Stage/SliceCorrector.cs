using TomoSaxs.Calibrate.Tube;
using TomoSaxs.Correct.Chamber;
using TomoSaxs.Correct.Detector;
using TomoSaxs.Correct.Matching;
using TomoSaxs.Correct.Output;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Geometry;

namespace TomoSaxs.Correct.Stage;

/// <summary>
/// Corrects one slice: <see cref="Prepare"/> checks that the options fit the data and works out every frame's
/// factors (no frame read yet); <see cref="Write"/> streams the frames angle by angle — read, correct in bounded
/// parallel batches, write in position order — into <c>corrected.h5</c> (<see cref="CorrectedFile"/>).
/// </summary>
public sealed class SliceCorrector : IDisposable
{
    private readonly List<IDisposable> owned = [];

    private SliceCorrector(CorrectInputs inputs, CorrectSettings settings, int slice)
    {
        Inputs = inputs;
        Settings = settings;
        Slice = slice;
    }

    /// <summary>Above this size of every background and buffer frame's box in float64 (bytes), the normalised
    /// reference frames are cached as float32 (512 MiB).</summary>
    public const long ReferenceCacheBudgetBytes = 512L << 20;

    /// <summary>The inputs.</summary>
    public CorrectInputs Inputs { get; }

    /// <summary>The settings.</summary>
    public CorrectSettings Settings { get; }

    /// <summary>The slice (raster row).</summary>
    public int Slice { get; }

    /// <summary>The stored rectangle.</summary>
    public FrameBox Box { get; private set; }

    /// <summary>Masked pixels of the box.</summary>
    public bool[] Excluded { get; private set; } = [];

    /// <summary>Pixels of the box farther than the margin from Integrate's q range (and, for <c>q_box_half</c>, the
    /// analysed χ half): not stored, they carry the fill value like masked pixels (none for <c>store: full</c>).</summary>
    public bool[] OutsideRange { get; private set; } = [];

    private bool[] unstored = [];

    /// <summary>Per-pixel detector factors of the box.</summary>
    public DetectorFactorMap Factors { get; private set; } = null!;

    /// <summary>The background scan.</summary>
    public ReferenceScan Background { get; private set; } = null!;

    /// <summary>The buffer scan, or null in background mode.</summary>
    public ReferenceScan? Buffer { get; private set; }

    /// <summary>Per angle, the factors of every frame.</summary>
    public IReadOnlyList<AngleFactors> Angles { get; private set; } = [];

    /// <summary>Every flagged frame: "angle …°, position …: flags" (stored in the file).</summary>
    public IReadOnlyList<string> FlaggedFrames { get; private set; } = [];

    /// <summary>The flagged frames in one line for the log (<see cref="FlagSummary"/>), or null when none is flagged.</summary>
    public string? FlaggedSummary() =>
        FlagSummary.Describe([.. Angles.Select(angle => (IReadOnlyList<FrameFlags>)[.. angle.Frames.Select(frame => frame.Flags)])]);

    /// <summary>Checks the options against the data and plans every frame; throws <see cref="CorrectOptionsException"/>
    /// naming the key when they do not fit.</summary>
    /// <param name="inputs">The files.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="thicknessUm">Sample thickness [angle, slice, position] from Register, µm.</param>
    /// <param name="slice">The slice to correct.</param>
    public static SliceCorrector Prepare(CorrectInputs inputs, CorrectSettings settings, double[,,] thicknessUm, int slice)
    {
        CheckOptions(inputs, settings);
        var corrector = new SliceCorrector(inputs, settings, slice);
        try
        {
            corrector.Plan(thicknessUm);
            return corrector;
        }
        catch
        {
            corrector.Dispose();
            throw;
        }
    }

    private static void CheckOptions(CorrectInputs inputs, CorrectSettings settings)
    {
        if (settings.Mode == CorrectionMode.BackgroundAndBuffer && inputs.Buffer is null)
        {
            throw new CorrectOptionsException("stages.correct.mode",
                "is background_and_buffer but the scan has no buffer file (raw.buffer); give raw.buffer or set correct.mode=background.");
        }

        if (settings.Mode == CorrectionMode.BackgroundAndBuffer && settings.Chamber.Kind == ChamberKind.None)
        {
            throw new CorrectOptionsException("stages.correct.chamber", "is none, so there is no buffer to displace; set correct.mode=background.");
        }

        foreach (var (role, file) in new[] { ("background", inputs.Background), ("buffer", inputs.Buffer) })
        {
            if (file is null || (role == "buffer" && settings.Mode != CorrectionMode.BackgroundAndBuffer))
            {
                continue;
            }

            using var scan = I22Scan.Open(file);
            var frames = scan.Positions;
            if (settings.BackgroundType == BackgroundType.LineScan && frames < 5)
            {
                throw new CorrectOptionsException("stages.correct.background_type",
                    $"is line_scan but the {role} file raw.{role} ({file}) holds {frames} frame(s), too few to match by offset; " +
                    "set correct.background_type=single_frame or averaged.");
            }

            if (settings.BackgroundType == BackgroundType.SingleFrame && frames != 1)
            {
                throw new CorrectOptionsException("stages.correct.background_type",
                    $"is single_frame but the {role} file raw.{role} ({file}) holds {frames} frames; set correct.background_type=averaged or line_scan.");
            }
        }
    }

    private void Plan(double[,,] thicknessUm)
    {
        var s = Settings;
        var calibration = DawnCalibrationFile.Read(Inputs.Calibration);
        var mask = DawnMaskFile.Read(Inputs.Mask);
        var rows = mask.Rows;
        var columns = mask.Cols;
        var map = PixelMap.Create(calibration.ToPoni(), rows, columns);
        Box = s.QRangeNm is { } range
            ? s.AnalysedHalfOnly
                ? FrameBox.OfQRange(map.QNm, rows, columns, range.Min, range.Max, s.BoxMarginPx, map.ChiPipelineRad, Math.PI / 2, 1.5 * Math.PI)
                : FrameBox.OfQRange(map.QNm, rows, columns, range.Min, range.Max, s.BoxMarginPx)
            : FrameBox.Full(rows, columns);
        Excluded = Box.Crop(mask.Excluded, columns);
        OutsideRange = s.QRangeNm is { } q
            ? Invert(s.AnalysedHalfOnly
                ? Box.InRange(map.QNm, columns, q.Min, q.Max, s.BoxMarginPx, map.ChiPipelineRad, Math.PI / 2, 1.5 * Math.PI)
                : Box.InRange(map.QNm, columns, q.Min, q.Max, s.BoxMarginPx))
            : new bool[Box.PixelCount];
        unstored = [.. Excluded.Zip(OutsideRange, (masked, outside) => masked || outside)];
        // ψ from the horizontal axis: pyFAI's χ = atan2(dim1 offset, dim2 offset) (integration note §2).
        Factors = DetectorFactorMap.Create(Box.Crop(map.TwoThetaRad, columns), Box.Crop(map.ChiPyFaiRad, columns), s.Detector);

        Background = Own(ReferenceScan.Open(Inputs.Background, "background", Box, Factors, s));
        Buffer = s.Mode == CorrectionMode.BackgroundAndBuffer ? Own(ReferenceScan.Open(Inputs.Buffer!, "buffer", Box, Factors, s)) : null;
        // Every reference frame cached as float64 would exceed the budget (full Pilatus 2M frames: ~20 MB each):
        // cache float32 instead.
        var referenceFrames = Background.Frames + (Buffer?.Frames ?? 0);
        var single = (long)referenceFrames * Box.PixelCount * sizeof(double) > ReferenceCacheBudgetBytes;
        Background.SinglePrecisionCache = single;
        if (Buffer is not null)
        {
            Buffer.SinglePrecisionCache = single;
        }
        RequireShape(Background.FilePath, rows, columns);
        if (Buffer is not null)
        {
            RequireShape(Buffer.FilePath, rows, columns);
        }

        if (thicknessUm.GetLength(0) != Inputs.SaxsFiles.Count)
        {
            throw new CorrectOptionsException("raw.saxs.files",
                $"{Inputs.SaxsFiles.Count} angles, but the registration's thickness holds {thicknessUm.GetLength(0)}.");
        }

        var angles = new List<AngleFactors>();
        var flagged = new List<string>();
        for (var a = 0; a < Inputs.SaxsFiles.Count; a++)
        {
            var file = Inputs.SaxsFiles[a];
            using var scan = I22Scan.Open(file);
            if (scan.FrameRows != rows || scan.FrameColumns != columns)
            {
                throw new CorrectOptionsException("raw.saxs.files", $"{file} has {scan.FrameRows} × {scan.FrameColumns} frames but the mask is {rows} × {columns}.");
            }

            if (Slice >= scan.Slices || thicknessUm.GetLength(1) != scan.Slices || thicknessUm.GetLength(2) != scan.Positions)
            {
                throw new CorrectOptionsException("raw.saxs.files",
                    $"{file} holds {scan.Slices} slices × {scan.Positions} positions; the registration's thickness is " +
                    $"[{thicknessUm.GetLength(1)}, {thicknessUm.GetLength(2)}] per angle and slice {Slice} was asked for.");
            }

            var x = scan.ReadXPositionsUm();
            var sums = scan.ReadFrameSums().Slice(Slice);
            var what = $"angle {Inputs.AnglesDeg[a]}°, slice {Slice} ({Path.GetFileName(file)})";
            var times = scan.ReadCountTimesS().Slice(Slice);
            var i0 = scan.ReadIncidentFlux().Slice(Slice);
            // Offsets matter for a tube's chord and for line-scan matching by walls; otherwise there may be no walls.
            var needsCentre = s.AlignByWalls && (s.Chamber.Kind == ChamberKind.KaptonTube || s.BackgroundType == BackgroundType.LineScan);
            var centre = needsCentre ? SampleScanCentre(sums, i0, x, what) : 0;
            var it = scan.ReadTransmittedFlux().Slice(Slice);
            var frames = new FrameFactors[scan.Positions];
            for (var p = 0; p < frames.Length; p++)
            {
                frames[p] = FrameOf(x[p], x[p] - centre, times[p], i0[p], it[p], thicknessUm[a, Slice, p]);
                if (frames[p].Flags != FrameFlags.None)
                {
                    flagged.Add($"angle {Inputs.AnglesDeg[a]}°, position {p}: {frames[p].Flags}");
                }
            }

            angles.Add(new AngleFactors(Inputs.AnglesDeg[a], file, centre, frames));
        }

        Angles = angles;
        FlaggedFrames = flagged;
    }

    /// <summary>
    /// The tube centre of a sample scan: the Kapton walls' midpoint (<see cref="TubeCentre"/>), refined by the mirror
    /// symmetry of the frame sums per I0 over the part of the raster at least 0.9·R_i from the centre (the walls and
    /// the air beyond, where the sample does not reach), which removes the grid-phase bias of sub-frame peak fits.
    /// </summary>
    private double SampleScanCentre(double[] sums, double[] i0, double[] x, string what)
    {
        var perI0 = sums.Select((sum, k) => sum / i0[k]).ToArray();
        var step = Math.Abs(x[^1] - x[0]) / Math.Max(1, x.Length - 1);
        double start, halfWidth;
        try
        {
            (start, halfWidth) = (TubeCentre.Find(sums, i0, x, Settings.ExpectedWallSeparationUm, what).CentreUm, step);
        }
        catch (TubeNotFoundException)
        {
            // On a large detector the buffer and sample outweigh the wall peaks in the sums: start from the profile's
            // centroid above its floor and let the walls' mirror symmetry find the centre within a quarter tube.
            var floor = perI0.Min();
            var weight = perI0.Sum(v => v - floor);
            start = weight > 0 ? perI0.Select((v, k) => (v - floor) * x[k]).Sum() / weight : x.Average();
            halfWidth = Settings.ExpectedWallSeparationUm / 4;
        }

        return MirrorCentre.Find(perI0, x, start, halfWidth, 0.9 * Settings.Chamber.InnerRadiusUm);
    }

    private FrameFactors FrameOf(double x, double offset, double time, double i0, double it, double thickness)
    {
        var s = Settings;
        var flags = FrameFlags.None;
        var matchOffset = s.AlignByWalls ? offset : x;
        var background = s.BackgroundType == BackgroundType.LineScan ? OffsetMatch.Find(Background.OffsetsUm, matchOffset) : new OffsetMatch(0, 0, 0, true);
        var buffer = Buffer is null ? default
            : s.BackgroundType == BackgroundType.LineScan ? OffsetMatch.Find(Buffer.OffsetsUm, matchOffset) : new OffsetMatch(0, 0, 0, true);
        if (!background.Covered)
        {
            flags |= FrameFlags.BackgroundNotCovered;
        }

        if (Buffer is not null && !buffer.Covered)
        {
            flags |= FrameFlags.BufferNotCovered;
        }

        var chord = s.Chamber.InnerChordUm(offset);
        var d = thickness;
        var phi = 0.0;
        if (!s.Chamber.Contains(offset))
        {
            flags |= FrameFlags.OutsideChamber;
        }

        if (!(d > 0) || !double.IsFinite(d))
        {
            flags |= FrameFlags.ZeroThickness;
        }
        else if (s.Chamber.Kind != ChamberKind.None && s.Chamber.Contains(offset))
        {
            if (d > chord)
            {
                d = chord;
                flags |= FrameFlags.ThicknessClamped;
            }

            phi = Buffer is null ? 0 : d / chord;
        }

        if ((flags & (FrameFlags.OutsideChamber | FrameFlags.ZeroThickness)) != 0)
        {
            flags |= s.Outside switch
            {
                OutsidePolicy.BackgroundOnly => FrameFlags.BackgroundOnly,
                OutsidePolicy.Zero => FrameFlags.Zeroed,
                _ => FrameFlags.Skipped,
            };
        }

        return new FrameFactors(x, offset, time, i0, it, d, chord, phi, flags, background, buffer);
    }

    private static bool[] Invert(bool[] values) => [.. values.Select(v => !v)];

    private static void RequireShape(string file, int rows, int columns)
    {
        using var scan = I22Scan.Open(file);
        if (scan.FrameRows != rows || scan.FrameColumns != columns)
        {
            throw new CorrectOptionsException("raw", $"{file} has {scan.FrameRows} × {scan.FrameColumns} frames but the mask is {rows} × {columns}.");
        }
    }

    private T Own<T>(T item) where T : IDisposable
    {
        owned.Add(item);
        return item;
    }

    /// <summary>
    /// Streams every angle's corrected frames into <paramref name="path"/>. At most
    /// <paramref name="maxParallelism"/> frames are in memory per stage of the pipeline (read, correct, write);
    /// the output is the same for any parallelism.
    /// </summary>
    /// <param name="path">The file to write (a temporary name; the caller renames it).</param>
    /// <param name="decorate">Adds attributes (provenance) to the root group.</param>
    /// <param name="frameDone">Called after each frame is written.</param>
    /// <param name="maxParallelism">Frames corrected at once (≥ 1).</param>
    public void Write(string path, Action<ArtefactGroup>? decorate = null, Action? frameDone = null, int maxParallelism = 0)
    {
        var parallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount;
        var root = CorrectedFile.Declare(this);
        decorate?.Invoke(root);
        using var writer = Hdf5ArtefactWriter.Begin(path, root);
        // One set of buffers per frame of a batch, reused (full frames: ~70 MB per frame, which would otherwise pile
        // up on the large-object heap between collections).
        var batch = Math.Max(1, parallelism);
        double[][] Buffers() => [.. Enumerable.Range(0, batch).Select(_ => new double[Box.PixelCount])];
        var raw = Buffers();
        var backgroundScratch = Buffers();
        var bufferScratch = Buffers();
        var corrected = Enumerable.Range(0, batch).Select(_ => new float[Box.PixelCount]).ToArray();
        for (var a = 0; a < Angles.Count; a++)
        {
            var angle = Angles[a];
            using var scan = I22Scan.Open(angle.File);
            for (var first = 0; first < angle.Frames.Count; first += batch)
            {
                var count = Math.Min(batch, angle.Frames.Count - first);
                for (var k = 0; k < count; k++)
                {
                    if (NeedsSample(angle.Frames[first + k]))
                    {
                        scan.ReadFrameRegion<double>(Slice, first + k, Box.FirstRow, Box.Rows, Box.FirstColumn, Box.Columns, raw[k]);
                    }
                }

                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                    k => CorrectInto(angle.Frames[first + k], raw[k], corrected[k], backgroundScratch[k], bufferScratch[k]));
                for (var k = 0; k < count; k++)
                {
                    writer.WriteSlab(CorrectedFile.FramesPath(a), [first + k, 0, 0], [1, Box.Rows, Box.Columns], corrected[k]);
                    frameDone?.Invoke();
                }
            }
        }

        writer.Commit();
    }

    /// <summary>Whether Correct reads this frame's raw pixels (not for skipped or zeroed frames, written as fill or 0).</summary>
    public static bool NeedsSample(FrameFactors frame) => (frame.Flags & (FrameFlags.Skipped | FrameFlags.Zeroed)) == 0;

    /// <summary>The corrected box of one frame from its raw counts (ignored for skipped and zeroed frames).</summary>
    public float[] CorrectFrame(FrameFactors frame, double[] raw)
    {
        var output = new float[Box.PixelCount];
        CorrectInto(frame, raw, output, new double[Box.PixelCount], new double[Box.PixelCount]);
        return output;
    }

    /// <summary>Corrects one frame into <paramref name="output"/>; <paramref name="raw"/> is normalised in place and the
    /// scratch arrays receive interpolated reference frames.</summary>
    private void CorrectInto(FrameFactors frame, double[] raw, float[] output, double[] backgroundScratch, double[] bufferScratch)
    {
        if ((frame.Flags & FrameFlags.Skipped) != 0)
        {
            Array.Fill(output, Settings.MaskedFill);
            return;
        }

        if ((frame.Flags & FrameFlags.Zeroed) != 0)
        {
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = unstored[i] ? Settings.MaskedFill : 0f;
            }

            return;
        }

        FrameNormalisation.Normalise(raw, frame.CountTimeS, frame.IncidentFlux, frame.TransmittedFlux, Factors, Settings.Detector);
        var background = Reference(Background, frame.Background, backgroundScratch);
        var buffer = Buffer is null ? null : Reference(Buffer, frame.Buffer, bufferScratch);
        double bufferWeight, backgroundWeight, inverseThickness;
        ReadOnlySpan<double> bufferValues = buffer, backgroundValues = background;
        if ((frame.Flags & FrameFlags.BackgroundOnly) != 0)
        {
            // No thickness: remove what an empty sample position would hold (the buffer-filled chamber inside it).
            inverseThickness = 1;
            var inside = buffer is not null && (frame.Flags & FrameFlags.OutsideChamber) == 0;
            (bufferWeight, backgroundWeight) = inside ? (1.0, 0.0) : (0.0, 1.0);
            if (!inside)
            {
                bufferValues = [];
            }
        }
        else
        {
            inverseThickness = 1 / frame.ThicknessUm;
            (bufferWeight, backgroundWeight) = buffer is null ? (0.0, 1.0) : (1 - frame.BufferFraction, frame.BufferFraction);
        }

        FrameCombination.Combine(raw, bufferValues, backgroundValues, bufferWeight, backgroundWeight, inverseThickness,
            Factors.Gain, unstored, Settings.MaskedFill, output);
    }

    private double[] Reference(ReferenceScan scan, OffsetMatch match, double[] scratch)
    {
        if (Settings.BackgroundType == BackgroundType.Averaged)
        {
            return scan.Averaged();
        }

        if (match.UpperWeight == 0 && scan.Normalised(match.Lower) is { } cached)
        {
            return cached;
        }

        scan.Matched(match, scratch);
        return scratch;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }
    }
}
