using System.Globalization;

namespace TomoSaxs.Pipeline;

/// <summary>
/// Progress of one long piece of work (a slice, a scan-level step) as lines such as
/// <c>Integrate slice 03: 45% (81/180 frames), 12.3 frames/s, ETA 0:07</c>, at most one per interval so that many
/// slices in parallel do not flood the log, plus one closing line. Safe to advance from several threads.
/// </summary>
public sealed class ProgressReporter
{
    /// <summary>The default time between progress lines.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private readonly string label;
    private readonly string unit;
    private readonly long total;
    private readonly Action<string> report;
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly long started;
    private readonly Lock gate = new();
    private long done;
    private long lastReport;

    /// <summary>Starts reporting.</summary>
    /// <param name="label">What is being done, e.g. <c>Integrate slice 03</c>.</param>
    /// <param name="unit">The plural unit of work, e.g. <c>frames</c>.</param>
    /// <param name="total">How many units there are (≥ 0).</param>
    /// <param name="report">Receives each line (an MSBuild task logs it at high importance).</param>
    /// <param name="interval">Least time between lines; <see cref="DefaultInterval"/> when null.</param>
    /// <param name="time">The clock; the system clock when null.</param>
    public ProgressReporter(string label, string unit, long total, Action<string> report, TimeSpan? interval = null, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.report = report;
        this.interval = interval ?? DefaultInterval;
        this.time = time ?? TimeProvider.System;
        started = this.time.GetTimestamp();
        lastReport = started;
    }

    /// <summary>Units finished so far.</summary>
    public long Done => Interlocked.Read(ref done);

    /// <summary>Records <paramref name="count"/> more finished units and reports if the interval has passed.</summary>
    public void Advance(long count = 1)
    {
        var now = Interlocked.Add(ref done, count);
        var stamp = time.GetTimestamp();
        if (time.GetElapsedTime(Interlocked.Read(ref lastReport), stamp) < interval || now >= total)
        {
            return;
        }

        lock (gate)
        {
            // Another thread may have reported while this one waited.
            if (time.GetElapsedTime(lastReport, stamp) < interval)
            {
                return;
            }

            Interlocked.Exchange(ref lastReport, stamp);
        }

        var elapsed = time.GetElapsedTime(started, stamp);
        var rate = now / Math.Max(elapsed.TotalSeconds, 1e-9);
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - now) / rate) : (TimeSpan?)null;
        var percent = total > 0 ? 100.0 * now / total : 100;
        report(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {percent:0}% ({now}/{total} {unit}), {Rate(rate)}, ETA {(eta is { } e ? Clock(e) : "unknown")}"));
    }

    /// <summary>Reports the end: how many units in how long, at what rate.</summary>
    public void Complete()
    {
        var elapsed = time.GetElapsedTime(started);
        var count = Done;
        report(string.Create(CultureInfo.InvariantCulture,
            $"{label}: done, {count} {unit} in {Seconds(elapsed)} ({Rate(count / Math.Max(elapsed.TotalSeconds, 1e-9))})"));
    }

    private string Rate(double perSecond) =>
        perSecond >= 1 || perSecond == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{perSecond:0.#} {unit}/s")
            : string.Create(CultureInfo.InvariantCulture, $"{1 / perSecond:0.#} s per {Singular()}");

    private string Singular() => unit.EndsWith('s') ? unit[..^1] : unit;

    private static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s")
            : Clock(elapsed);

    private static string Clock(TimeSpan span) =>
        span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}");
}
