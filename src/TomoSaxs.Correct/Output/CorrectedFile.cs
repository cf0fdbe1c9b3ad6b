using TomoSaxs.Correct.Stage;
using TomoSaxs.Formats;
using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Correct.Output;

/// <summary>
/// <c>slices/NN/corrected.h5</c>, the Correct stage's output (docs/correct.md):
/// <code>
/// /box                         i32 [4]   first row, first column, rows, columns of the stored rectangle
/// /mask                        u8  [rows, columns]   1 = masked (carries the fill value)
/// /outside_range               u8  [rows, columns]   1 = farther than the margin from the q range (fill value)
/// /angle_NNN/frames            f32 [positions, rows, columns]  G/d-normalised intensity, per µm of sample
///                                         (bitshuffle + LZ4, one frame per chunk)
/// /angle_NNN/{position_um, offset_um, count_time_s, i0, it, transmission, thickness_um, inner_chord_um,
///             buffer_fraction, background_offset_um, buffer_offset_um}  f64 [positions]
/// /angle_NNN/flags             i32 [positions]   FrameFlags bits
/// /flagged_frames              strings  "angle …°, position …: flags"
/// </code>
/// Root attributes: artefact, layout_version, slice, mode, background_type, chamber, outside_policy, masked_fill
/// ("nan" or "0"), box_* and the provenance; each angle group: angle_deg, file, tube_centre_um.
/// </summary>
public static class CorrectedFile
{
    /// <summary>The artefact name in the root attribute <c>artefact</c>.</summary>
    public const string ArtefactName = "tomosaxs.corrected";

    /// <summary>The layout version.</summary>
    public const int LayoutVersion = 2;

    /// <summary>The group of angle index <paramref name="angle"/>.</summary>
    public static string AngleGroup(int angle) => $"angle_{angle:D3}";

    /// <summary>The frames dataset of an angle.</summary>
    public static string FramesPath(int angle) => $"/{AngleGroup(angle)}/frames";

    /// <summary>The file's declaration (frames streamed later) for a prepared slice.</summary>
    public static ArtefactGroup Declare(SliceCorrector slice)
    {
        var box = slice.Box;
        var root = new ArtefactGroup();
        var s = slice.Settings;
        root.Attributes.Set("artefact", ArtefactName).Set("layout_version", LayoutVersion).Set("slice", slice.Slice)
            .Set("mode", s.Mode.ToString()).Set("background_type", s.BackgroundType.ToString()).Set("chamber", s.Chamber.Kind.ToString())
            .Set("outside_policy", s.Outside.ToString()).Set("masked_fill", float.IsNaN(s.MaskedFill) ? "nan" : "0")
            .Set("box_first_row", box.FirstRow).Set("box_first_column", box.FirstColumn).Set("box_rows", box.Rows).Set("box_columns", box.Columns)
            .Set("units", "frames: G/d·[A_S − (1−φ)A_D − φA_B], A in counts/(s·It); per µm of sample")
            .Set("background_file", slice.Background.FilePath).Set("buffer_file", slice.Buffer?.FilePath ?? "");
        root.AddDataset("box", new[] { box.FirstRow, box.FirstColumn, box.Rows, box.Columns });
        root.AddDataset("mask", slice.Excluded.Select(e => e ? (byte)1 : (byte)0).ToArray(), [box.Rows, box.Columns]);
        root.AddDataset("outside_range", slice.OutsideRange.Select(e => e ? (byte)1 : (byte)0).ToArray(), [box.Rows, box.Columns]);
        root.AddStrings("flagged_frames", slice.FlaggedFrames.Count == 0 ? ["none"] : slice.FlaggedFrames);
        for (var a = 0; a < slice.Angles.Count; a++)
        {
            var angle = slice.Angles[a];
            var group = root.Group(AngleGroup(a));
            group.Attributes.Set("angle_deg", angle.AngleDeg).Set("file", angle.File).Set("tube_centre_um", angle.CentreUm);
            var n = angle.Frames.Count;
            group.AddStreamedDataset<float>("frames", [n, box.Rows, box.Columns], ArtefactStorage.ChunkedBitshuffleLz4([1, box.Rows, box.Columns]));
            var f = angle.Frames;
            group.AddDataset("position_um", f.Select(v => v.PositionUm).ToArray());
            group.AddDataset("offset_um", f.Select(v => v.OffsetUm).ToArray());
            group.AddDataset("count_time_s", f.Select(v => v.CountTimeS).ToArray());
            group.AddDataset("i0", f.Select(v => v.IncidentFlux).ToArray());
            group.AddDataset("it", f.Select(v => v.TransmittedFlux).ToArray());
            group.AddDataset("transmission", f.Select(v => v.Transmission).ToArray());
            group.AddDataset("thickness_um", f.Select(v => v.ThicknessUm).ToArray());
            group.AddDataset("inner_chord_um", f.Select(v => v.InnerChordUm).ToArray());
            group.AddDataset("buffer_fraction", f.Select(v => v.BufferFraction).ToArray());
            group.AddDataset("background_offset_um", f.Select(v => slice.Settings.BackgroundType == BackgroundType.LineScan
                ? v.Background.OffsetUm(slice.Background.OffsetsUm) : double.NaN).ToArray());
            group.AddDataset("buffer_offset_um", f.Select(v => slice.Buffer is { } b && slice.Settings.BackgroundType == BackgroundType.LineScan
                ? v.Buffer.OffsetUm(b.OffsetsUm) : double.NaN).ToArray());
            group.AddDataset("flags", f.Select(v => (int)v.Flags).ToArray());
        }

        return root;
    }

    /// <summary>Reads one frame's stored box (float32, row-major).</summary>
    public static float[] ReadFrame(Hdf5File file, int angle, int position)
    {
        var frames = file.Dataset(FramesPath(angle));
        return frames.ReadHyperslab<float>([position, 0, 0], [1, frames.Shape[1], frames.Shape[2]]);
    }

    /// <summary>Per pixel of the box, whether it carries the fill value: masked or outside the stored q range
    /// (<c>/outside_range</c>, absent in layout 1).</summary>
    public static bool[] ReadUnstored(Hdf5File file)
    {
        var mask = file.Dataset("/mask").Read<byte>();
        var outside = file.IsDataset("/outside_range") ? file.Dataset("/outside_range").Read<byte>() : new byte[mask.Length];
        return [.. mask.Zip(outside, (m, o) => m != 0 || o != 0)];
    }

    /// <summary>The stored rectangle.</summary>
    public static FrameBox ReadBox(Hdf5File file)
    {
        var b = file.Dataset("/box").Read<int>();
        return b.Length == 4 ? new FrameBox(b[0], b[1], b[2], b[3]) : throw new DataFileException(file.FilePath, "/box", "does not hold 4 numbers");
    }

    /// <summary>A per-frame numeric dataset of an angle (e.g. <c>thickness_um</c>, <c>flags</c>).</summary>
    public static double[] ReadPerFrame(Hdf5File file, int angle, string name) =>
        file.Dataset($"/{AngleGroup(angle)}/{name}").Read<double>();
}
