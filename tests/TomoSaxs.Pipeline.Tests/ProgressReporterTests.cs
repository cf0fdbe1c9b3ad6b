namespace TomoSaxs.Pipeline.Tests;

public sealed class ProgressReporterTests
{
    private readonly ManualClock clock = new();
    private readonly List<string> lines = [];

    [Fact]
    public void Lines_come_at_most_once_per_interval_with_percentage_rate_and_eta()
    {
        var progress = new ProgressReporter("Integrate slice 03", "frames", 200, lines.Add, TimeSpan.FromSeconds(5), clock);

        clock.Advance(TimeSpan.FromSeconds(4));
        progress.Advance(40);
        Assert.Empty(lines);

        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Advance(10);
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Advance(10);

        Assert.Equal(["Integrate slice 03: 25% (50/200 frames), 10 frames/s, ETA 0:15"], lines);

        clock.Advance(TimeSpan.FromSeconds(94));
        progress.Advance(30);
        Assert.Equal("Integrate slice 03: 45% (90/200 frames), 1.1 s per frame, ETA 2:02", lines[^1]);
    }

    [Fact]
    public void Completion_reports_count_time_and_rate()
    {
        var progress = new ProgressReporter("Recon", "fibres", 3, lines.Add, TimeSpan.FromSeconds(5), clock);
        progress.Advance(3);
        clock.Advance(TimeSpan.FromSeconds(12));

        progress.Complete();

        Assert.Equal(["Recon: done, 3 fibres in 12.0 s (4 s per fibre)"], lines);
    }

    [Fact]
    public void Long_runs_show_hours_and_the_last_unit_gives_no_periodic_line()
    {
        var progress = new ProgressReporter("Svd slice 00", "paths", 10, lines.Add, TimeSpan.FromSeconds(5), clock);
        clock.Advance(TimeSpan.FromHours(1));
        progress.Advance(1);
        clock.Advance(TimeSpan.FromHours(1));
        progress.Advance(9);
        progress.Complete();

        Assert.Equal(["Svd slice 00: 10% (1/10 paths), 3600 s per path, ETA 9:00:00", "Svd slice 00: done, 10 paths in 2:00:00 (720 s per path)"], lines);
    }

    [Fact]
    public void Many_threads_advancing_at_once_give_one_line_per_interval()
    {
        var progress = new ProgressReporter("Correct slice 01", "frames", 1_000_000, line => { lock (lines) { lines.Add(line); } }, TimeSpan.FromSeconds(5), clock);
        clock.Advance(TimeSpan.FromSeconds(6));

        Parallel.For(0, 10_000, _ => progress.Advance());

        Assert.Single(lines);
        Assert.Equal(10_000, progress.Done);
    }
}
