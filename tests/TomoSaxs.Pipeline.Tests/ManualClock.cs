namespace TomoSaxs.Pipeline.Tests;

/// <summary>A clock that moves only when told, for testing time-dependent output.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long ticks;

    public DateTimeOffset Start { get; } = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public override DateTimeOffset GetUtcNow() => Start.AddTicks(GetTimestamp());

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
