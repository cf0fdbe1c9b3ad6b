using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>The list of a build's unfinished jobs that build.sh cancels when MSBuild ends first.</summary>
public sealed class SubmittedJobsFileTests : IDisposable
{
    private readonly TemporaryDirectory temp = new();

    [Fact]
    public void Jobs_are_listed_while_they_run_and_unlisted_when_they_end()
    {
        var jobs = new SubmittedJobsFile(temp.File("jobs"));
        Assert.Empty(jobs.Read());

        jobs.Add("12");
        jobs.Add("15");
        jobs.Add("12");
        Assert.Equal(["12", "15"], jobs.Read());
        Assert.Equal("12\n15\n", File.ReadAllText(jobs.Path)); // one id per line, as build.sh reads it

        jobs.Remove("12");
        Assert.Equal(["15"], jobs.Read());
        jobs.Remove("15");
        Assert.Empty(jobs.Read());
        Assert.Equal(["jobs"], Directory.GetFiles(temp.Path).Select(Path.GetFileName)); // no temporary left beside it
    }

    public void Dispose() => temp.Dispose();
}
