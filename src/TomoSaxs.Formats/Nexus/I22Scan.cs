using System.Numerics;
using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Formats.Nexus;

/// <summary>
/// A Diamond I22 SAXS scan file (NeXus), read tolerantly in either layout of the background-correction note §3:
/// the entry-group layout (the first top-level group, sorted like h5py, normally "entry1") or the flat legacy
/// layout (first key "I0_data"), as a map [slices, positions, rows, columns] or a line scan [positions, rows,
/// columns]. Opening reads only the metadata; frames are read one at a time, or as a rectangle of one frame.
/// Positions are returned in µm and times in s, converted with the "units" attributes (mm and s when absent).
/// Every problem with the file is a <see cref="DataFileException"/> naming the file, the dataset and the cause.
/// </summary>
public sealed class I22Scan : IDisposable
{
    private readonly Hdf5File file;

    private I22Scan(Hdf5File file, I22Layout layout, Hdf5Dataset frames)
    {
        this.file = file;
        Layout = layout;
        Frames = frames;
        IsLineScan = frames.Rank == 3;
        Slices = IsLineScan ? 1 : checked((int)frames.Shape[0]);
        Positions = checked((int)frames.Shape[^3]);
        FrameRows = checked((int)frames.Shape[^2]);
        FrameColumns = checked((int)frames.Shape[^1]);
    }

    /// <summary>The file path as given to <see cref="Open"/>.</summary>
    public string FilePath => file.FilePath;

    /// <summary>The layout and the dataset paths in use.</summary>
    public I22Layout Layout { get; }

    /// <summary>The frames dataset (for its shape, type, chunking and filters).</summary>
    public Hdf5Dataset Frames { get; }

    /// <summary>Whether the frames are a line scan [positions, rows, columns] (then <see cref="Slices"/> is 1).</summary>
    public bool IsLineScan { get; }

    /// <summary>The number of raster slices (rows of the map).</summary>
    public int Slices { get; }

    /// <summary>The number of beam positions per slice.</summary>
    public int Positions { get; }

    /// <summary>Detector rows per frame (slow axis, dim1).</summary>
    public int FrameRows { get; }

    /// <summary>Detector columns per frame (fast axis, dim2).</summary>
    public int FrameColumns { get; }

    /// <summary>Opens a scan file and finds its layout and frames.</summary>
    /// <exception cref="DataFileException">The file is unreadable or has no I22 frames dataset of rank 3 or 4.</exception>
    public static I22Scan Open(string filePath)
    {
        var file = Hdf5File.Open(filePath);
        try
        {
            var layout = DetectLayout(file);
            var frames = file.Dataset(layout.Frames);
            frames.RequireRank(3, 4);
            if (frames.ElementType is Hdf5ElementType.Other or Hdf5ElementType.String)
            {
                throw new DataFileException(filePath, frames.Path, $"is stored as {frames.TypeDescription}, expected detector counts (numbers)");
            }

            return new I22Scan(file, layout, frames);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads one whole frame.</summary>
    /// <param name="slice">The raster slice (0 for a line scan).</param>
    /// <param name="position">The position along the slice.</param>
    /// <param name="statistics">Optional counter of the chunks decoded.</param>
    /// <exception cref="DataFileException">The pixels cannot be read as <typeparamref name="T"/>, or are corrupt.</exception>
    public DetectorFrame<T> ReadFrame<T>(int slice, int position, Hdf5ReadStatistics? statistics = null)
        where T : unmanaged, INumberBase<T> =>
        ReadFrameRegion<T>(slice, position, 0, FrameRows, 0, FrameColumns, statistics);

    /// <summary>Reads the rectangle rows [firstRow, firstRow + rows) × columns [firstColumn, firstColumn + columns)
    /// of one frame, decoding only the chunks it touches.</summary>
    /// <inheritdoc cref="ReadFrame{T}(int, int, Hdf5ReadStatistics?)"/>
    public DetectorFrame<T> ReadFrameRegion<T>(
        int slice, int position, int firstRow, int rows, int firstColumn, int columns, Hdf5ReadStatistics? statistics = null)
        where T : unmanaged, INumberBase<T>
    {
        var (start, count) = Region(slice, position, firstRow, rows, firstColumn, columns);
        var pixels = Frames.ReadHyperslab<T>(start, count, statistics);
        return new DetectorFrame<T>(slice, position, firstRow, firstColumn, rows, columns, pixels);
    }

    /// <summary>Reads the same rectangle as <see cref="ReadFrameRegion{T}(int, int, int, int, int, int, Hdf5ReadStatistics?)"/>
    /// into <paramref name="destination"/> (rows × columns values, row-major), so that a caller can reuse one buffer.</summary>
    /// <inheritdoc cref="ReadFrame{T}(int, int, Hdf5ReadStatistics?)"/>
    public void ReadFrameRegion<T>(
        int slice, int position, int firstRow, int rows, int firstColumn, int columns, Span<T> destination, Hdf5ReadStatistics? statistics = null)
        where T : unmanaged, INumberBase<T>
    {
        var (start, count) = Region(slice, position, firstRow, rows, firstColumn, columns);
        Frames.ReadHyperslab(start, count, destination, statistics);
    }

    private (long[] Start, long[] Count) Region(int slice, int position, int firstRow, int rows, int firstColumn, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slice);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slice, Slices);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Positions);
        if (firstRow < 0 || rows < 0 || firstRow + rows > FrameRows || firstColumn < 0 || columns < 0 || firstColumn + columns > FrameColumns)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRow),
                $"Rows {firstRow}+{rows}, columns {firstColumn}+{columns} do not fit a {FrameRows} × {FrameColumns} frame.");
        }

        long[] start = IsLineScan ? [position, firstRow, firstColumn] : [slice, position, firstRow, firstColumn];
        long[] count = IsLineScan ? [1, rows, columns] : [1, 1, rows, columns];
        return (start, count);
    }

    /// <summary>The total counts of each frame, as recorded by the beamline (not recomputed).</summary>
    public RasterValues ReadFrameSums()
    {
        var sums = file.Dataset(Layout.FrameSums);
        RequireRasterShape(sums, "one sum per frame");
        return Raster(sums.Read<double>());
    }

    /// <summary>The x position of each beam position along a slice, in µm.</summary>
    /// <exception cref="DataFileException">No x-position dataset exists, its length differs from the number of
    /// positions, or its unit is not a length.</exception>
    public double[] ReadXPositionsUm()
    {
        var path = Layout.XPositions.FirstOrDefault(file.IsDataset)
            ?? throw new DataFileException(FilePath, Layout.XPositions[0],
                $"does not exist{Alternatives(Layout.XPositions)}: the scan records no x positions");
        return ReadPositionsUm(file.Dataset(path), Positions, "one x position per beam position");
    }

    /// <summary>The y position of each slice in µm, or null when the file records none (line scans, legacy files).</summary>
    public double[]? ReadYPositionsUm()
    {
        var path = Layout.YPositions.FirstOrDefault(file.IsDataset);
        return path is null ? null : ReadPositionsUm(file.Dataset(path), Slices, "one y position per slice");
    }

    /// <summary>The exposure time of every frame in s; a scalar count time is repeated for all frames.</summary>
    public RasterValues ReadCountTimesS()
    {
        var times = file.Dataset(Layout.CountTime);
        var secondsPer = UnitFactor(times, "s", NexusUnits.SecondsPer, "time");
        if (times.ElementCount == 1)
        {
            var seconds = times.ReadScalar() * secondsPer;
            return Raster(Enumerable.Repeat(seconds, Slices * Positions).ToArray());
        }

        RequireRasterShape(times, "one count time per frame, or a single value");
        return Raster([.. times.Read<double>().Select(value => value * secondsPer)]);
    }

    /// <summary>The incident flux I0 of every frame: the mean over the readings of channel 5 of the I0 monitor.</summary>
    public RasterValues ReadIncidentFlux() => ReadChannelMean(Layout.IncidentFlux, I22Layout.IncidentFluxChannel, "I0");

    /// <summary>The transmitted flux of every frame: the mean over the readings of channel 1 of the beam-stop diodes.</summary>
    public RasterValues ReadTransmittedFlux() =>
        ReadChannelMean(Layout.TransmittedFlux, I22Layout.TransmittedFluxChannel, "the transmitted flux");

    /// <inheritdoc />
    public void Dispose() => file.Dispose();

    private static I22Layout DetectLayout(Hdf5File file)
    {
        var members = file.Members("/");
        if (members.Count == 0)
        {
            throw new DataFileException(file.FilePath, null, "is empty: it has neither an entry group nor the legacy I22 datasets");
        }

        if (members[0].Name == I22Layout.LegacyMarker)
        {
            return I22Layout.LegacyFlatLayout;
        }

        var entry = members.FirstOrDefault(member => member.Kind == Hdf5ObjectKind.Group)
            ?? throw new DataFileException(file.FilePath, "/",
                $"has no entry group and does not start with {I22Layout.LegacyMarker} (top-level members: {string.Join(", ", members.Select(m => m.Name))})");
        return I22Layout.ForEntry(entry.Path);
    }

    private RasterValues ReadChannelMean(string path, int channel, string what)
    {
        var flux = file.Dataset(path);
        var rasterRank = IsLineScan ? 1 : 2;
        if (flux.Rank != rasterRank + 2 && flux.Rank != rasterRank + 1)
        {
            throw new DataFileException(FilePath, flux.Path,
                $"has shape {Hdf5Dataset.FormatShape(flux.Shape)}, expected {Hdf5Dataset.FormatShape(RasterShape)} followed by [readings, channels]");
        }

        if (!flux.Shape.Take(rasterRank).SequenceEqual(RasterShape))
        {
            throw new DataFileException(FilePath, flux.Path,
                $"has shape {Hdf5Dataset.FormatShape(flux.Shape)}, whose raster part does not match the frames {Hdf5Dataset.FormatShape(Frames.Shape)}");
        }

        var channels = checked((int)flux.Shape[^1]);
        var readings = flux.Rank == rasterRank + 2 ? checked((int)flux.Shape[^2]) : 1;
        if (channel >= channels || readings == 0)
        {
            throw new DataFileException(FilePath, flux.Path,
                $"has {channels} channels and {readings} readings per point; {what} is channel {channel}");
        }

        var values = flux.Read<double>();
        var means = new double[Slices * Positions];
        for (var point = 0; point < means.Length; point++)
        {
            var sum = 0.0;
            for (var reading = 0; reading < readings; reading++)
            {
                sum += values[(point * readings + reading) * channels + channel];
            }

            means[point] = sum / readings;
        }

        return Raster(means);
    }

    private double[] ReadPositionsUm(Hdf5Dataset positions, int expectedLength, string what)
    {
        var length = positions.Shape.Where(dimension => dimension != 1).ToArray();
        if (positions.ElementCount != expectedLength || length.Length > 1)
        {
            throw new DataFileException(FilePath, positions.Path,
                $"has shape {Hdf5Dataset.FormatShape(positions.Shape)}, expected {expectedLength} values ({what})");
        }

        var micrometresPer = UnitFactor(positions, "mm", NexusUnits.MicrometresPer, "length");
        return [.. positions.Read<double>().Select(value => value * micrometresPer)];
    }

    private double UnitFactor(Hdf5Dataset dataset, string assumed, Func<string, double?> factor, string kind)
    {
        var unit = dataset.Units;
        if (string.IsNullOrWhiteSpace(unit))
        {
            return factor(assumed)!.Value;
        }

        return factor(unit) ?? throw new DataFileException(FilePath, $"{dataset.Path}@units", $"'{unit}' is not a {kind} unit this reader knows");
    }

    private void RequireRasterShape(Hdf5Dataset dataset, string what)
    {
        // Trailing singleton dimensions ((n_y, n_x, 1, 1) sums) carry no information.
        var shape = dataset.Shape.ToList();
        while (shape.Count > RasterShape.Length && shape[^1] == 1)
        {
            shape.RemoveAt(shape.Count - 1);
        }

        if (!shape.SequenceEqual(RasterShape))
        {
            throw new DataFileException(FilePath, dataset.Path,
                $"has shape {Hdf5Dataset.FormatShape(dataset.Shape)}, expected {Hdf5Dataset.FormatShape(RasterShape)} ({what}) to match the frames {Hdf5Dataset.FormatShape(Frames.Shape)}");
        }
    }

    private long[] RasterShape => IsLineScan ? [Positions] : [Slices, Positions];

    private RasterValues Raster(double[] values) => new(Slices, Positions, values);

    private static string Alternatives(IReadOnlyList<string> paths) =>
        paths.Count > 1 ? $" (nor does {string.Join(" or ", paths.Skip(1))})" : string.Empty;
}
