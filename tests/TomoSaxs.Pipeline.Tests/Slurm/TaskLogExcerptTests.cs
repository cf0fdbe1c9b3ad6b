using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>The lines of a failed array task's log shown in the build output.</summary>
public sealed class TaskLogExcerptTests : IDisposable
{
    private readonly TemporaryDirectory temp = new();

    [Fact]
    public void Error_lines_are_shown_once_each()
    {
        var log = Write(
            "tomosaxs-demo-Stripe: slice 1 …",
            "  Stripe on scan demo (slices 1 of 3):",
            "/r/T.targets(50,5): error : Stripe slice 01 failed: boom [/r/B.proj]",
            "Build FAILED.",
            "/r/T.targets(50,5): error : Stripe slice 01 failed: boom [/r/B.proj]",
            "    0 Warning(s)");

        Assert.Equal(["/r/T.targets(50,5): error : Stripe slice 01 failed: boom [/r/B.proj]"], TaskLogExcerpt.Of(log));
    }

    [Fact]
    public void Without_error_lines_the_last_lines_are_shown()
    {
        var log = Write(Enumerable.Range(1, 8).Select(i => $"line {i}").Append("").ToArray());

        Assert.Equal(["line 4", "line 5", "line 6", "line 7", "line 8"], TaskLogExcerpt.Of(log));
    }

    [Fact]
    public void SLURM_s_own_errors_count_and_a_missing_log_gives_nothing()
    {
        var log = Write("running", "slurmstepd: error: *** JOB 12 ON vm CANCELLED AT 2026-01-01T00:00:00 DUE TO TIME LIMIT ***");

        Assert.Equal(["slurmstepd: error: *** JOB 12 ON vm CANCELLED AT 2026-01-01T00:00:00 DUE TO TIME LIMIT ***"], TaskLogExcerpt.Of(log));
        Assert.Empty(TaskLogExcerpt.Of(temp.File("none.log")));
    }

    public void Dispose() => temp.Dispose();

    private string Write(params string[] lines)
    {
        var path = temp.File(Guid.NewGuid().ToString("N") + ".log");
        File.WriteAllLines(path, lines);
        return path;
    }
}
