using System.Collections.Concurrent;
using TomoSaxs.Correct.Detector;
using TomoSaxs.Correct.Matching;
using TomoSaxs.Formats.Nexus;

namespace TomoSaxs.Correct.Stage;

/// <summary>
/// A background (empty chamber) or buffer scan: its frames' positions relative to its own chamber centre, fluxes
/// and count times, and its normalised frames A over the stored box, read and normalised once each on first use
/// (a slice needs only the frames its sample frames match). A map-layout file contributes its first row (note §3.4).
/// The cache holds float64 values, or float32 when <see cref="SinglePrecisionCache"/> (large boxes: full frames), which
/// halves its memory at a relative rounding of 6e-8 per value.
/// </summary>
public sealed class ReferenceScan : IDisposable
{
    private readonly I22Scan scan;
    private readonly FrameBox box;
    private readonly DetectorFactorMap factors;
    private readonly DetectorCorrections corrections;
    private readonly object readLock;
    private readonly ConcurrentDictionary<int, Lazy<double[]>> normalised = new();
    private readonly ConcurrentDictionary<int, Lazy<float[]>> normalisedSingle = new();
    private readonly Lazy<double[]> average;

    private ReferenceScan(I22Scan scan, string role, FrameBox box, DetectorFactorMap factors, DetectorCorrections corrections, object readLock,
        double[] positionsUm, double[] offsetsUm, double centreUm, double[] countTimesS, double[] incidentFlux, double[] transmittedFlux)
    {
        this.scan = scan;
        this.box = box;
        this.factors = factors;
        this.corrections = corrections;
        this.readLock = readLock;
        Role = role;
        PositionsUm = positionsUm;
        OffsetsUm = offsetsUm;
        CentreUm = centreUm;
        CountTimesS = countTimesS;
        IncidentFlux = incidentFlux;
        TransmittedFlux = transmittedFlux;
        average = new Lazy<double[]>(Average);
    }

    /// <summary>Whether the normalised frames are cached as float32 (set before the first frame is read).</summary>
    public bool SinglePrecisionCache { get; set; }

    /// <summary>"background" or "buffer".</summary>
    public string Role { get; }

    /// <summary>The file read.</summary>
    public string FilePath => scan.FilePath;

    /// <summary>Number of frames.</summary>
    public int Frames => PositionsUm.Length;

    /// <summary>Motor x per frame, µm.</summary>
    public double[] PositionsUm { get; }

    /// <summary>Offset per frame from the scan's chamber centre (or motor x when not aligned by walls), µm.</summary>
    public double[] OffsetsUm { get; }

    /// <summary>The chamber centre found in the frame sums, µm (0 when not aligned by walls).</summary>
    public double CentreUm { get; }

    /// <summary>Count time per frame, s.</summary>
    public double[] CountTimesS { get; }

    /// <summary>I0 per frame.</summary>
    public double[] IncidentFlux { get; }

    /// <summary>It per frame.</summary>
    public double[] TransmittedFlux { get; }

    /// <summary>Opens a reference scan and locates its chamber centre when the settings align by walls.</summary>
    public static ReferenceScan Open(string path, string role, FrameBox box, DetectorFactorMap factors, CorrectSettings settings)
    {
        var scan = I22Scan.Open(path);
        try
        {
            const int row = 0;
            var x = scan.ReadXPositionsUm();
            var sums = scan.ReadFrameSums().Slice(row);
            var incident = scan.ReadIncidentFlux().Slice(row);
            var centre = 0.0;
            if (settings.AlignByWalls && settings.BackgroundType == BackgroundType.LineScan)
            {
                // An empty or buffer-filled tube is mirror-symmetric: its centre is the profile's mirror axis.
                var perI0 = sums.Select((sum, k) => sum / incident[k]).ToArray();
                var floor = perI0.Min();
                var weight = perI0.Sum(v => v - floor);
                var centroid = weight > 0 ? perI0.Select((v, k) => (v - floor) * x[k]).Sum() / weight : x.Average();
                centre = MirrorCentre.Find(perI0, x, centroid, settings.ExpectedWallSeparationUm / 2);
            }

            return new ReferenceScan(scan, role, box, factors, settings.Detector, new object(), x, [.. x.Select(v => v - centre)], centre,
                scan.ReadCountTimesS().Slice(row), incident, scan.ReadTransmittedFlux().Slice(row));
        }
        catch
        {
            scan.Dispose();
            throw;
        }
    }

    /// <summary>The normalised frame k (A over the box) from the float64 cache; read once, then shared (do not
    /// modify). Null when the cache is float32 (<see cref="SinglePrecisionCache"/>): use <see cref="CopyNormalised"/>.</summary>
    public double[]? Normalised(int k) =>
        SinglePrecisionCache ? null : normalised.GetOrAdd(k, index => new Lazy<double[]>(() => Read(index))).Value;

    /// <summary>Copies the normalised frame k into <paramref name="destination"/> (either cache precision).</summary>
    public void CopyNormalised(int k, Span<double> destination)
    {
        if (Normalised(k) is { } values)
        {
            values.CopyTo(destination);
            return;
        }

        var single = NormalisedSingle(k);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = single[i];
        }
    }

    private float[] NormalisedSingle(int k) =>
        normalisedSingle.GetOrAdd(k, index => new Lazy<float[]>(() => ToSingle(Read(index)))).Value;

    private static float[] ToSingle(ReadOnlySpan<double> values)
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = (float)values[i];
        }

        return result;
    }

    /// <summary>The average of every frame's normalised values (for the averaged background type).</summary>
    public double[] Averaged() => average.Value;

    /// <summary>A = (1 − w)·A[lower] + w·A[upper] of a match into <paramref name="destination"/>.</summary>
    public void Matched(OffsetMatch match, Span<double> destination)
    {
        if (!SinglePrecisionCache)
        {
            FrameCombination.Interpolate(Normalised(match.Lower), Normalised(match.Upper), match.UpperWeight, destination);
            return;
        }

        var lower = NormalisedSingle(match.Lower);
        if (match.UpperWeight == 0)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = lower[i];
            }

            return;
        }

        var upper = NormalisedSingle(match.Upper);
        var upperWeight = match.UpperWeight;
        var lowerWeight = 1 - upperWeight;
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = lowerWeight * lower[i] + upperWeight * (double)upper[i];
        }
    }

    private double[] Read(int k)
    {
        double[] pixels;
        lock (readLock)
        {
            pixels = scan.ReadFrameRegion<double>(0, k, box.FirstRow, box.Rows, box.FirstColumn, box.Columns).Pixels;
        }

        FrameNormalisation.Normalise(pixels, CountTimesS[k], IncidentFlux[k], TransmittedFlux[k], factors, corrections);
        return pixels;
    }

    private double[] Average()
    {
        var sum = new double[box.PixelCount];
        var frame = new double[box.PixelCount];
        for (var k = 0; k < Frames; k++)
        {
            CopyNormalised(k, frame);
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += frame[i];
            }
        }

        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] /= Frames;
        }

        return sum;
    }

    /// <inheritdoc />
    public void Dispose() => scan.Dispose();
}
