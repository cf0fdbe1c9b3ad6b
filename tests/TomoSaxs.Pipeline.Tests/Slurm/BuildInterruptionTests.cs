namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>The interruption a waiting fan-out listens to (MSBuild's cancel, signals and a vanished parent feed it).</summary>
public sealed class BuildInterruptionTests
{
    [Fact]
    public void The_first_reason_is_kept_and_repeated_requests_are_harmless()
    {
        using var interruption = new BuildInterruption(watchProcess: false);
        Assert.False(interruption.Token.IsCancellationRequested);
        Assert.Null(interruption.Reason);

        interruption.Request("the build was cancelled");
        interruption.Request("SIGTERM received");

        Assert.True(interruption.Token.IsCancellationRequested);
        Assert.Equal("the build was cancelled", interruption.Reason);
    }

    [Fact]
    public void A_request_after_the_work_returned_does_not_throw()
    {
        var interruption = new BuildInterruption(watchProcess: false);
        interruption.Dispose();

        interruption.Request("late"); // MSBuild's task host may still be calling Cancel

        Assert.Equal("late", interruption.Reason);
    }

    [Fact]
    public void Watching_the_process_interrupts_nothing_by_itself()
    {
        using var interruption = new BuildInterruption();

        Thread.Sleep(TimeSpan.FromSeconds(1.5)); // the parent check runs every second

        Assert.False(interruption.Token.IsCancellationRequested, interruption.Reason);
    }
}
