using TomoSaxs.Phantom.Tests;
using TomoSaxs.Pipeline.Tests.BuildGraph;

namespace TomoSaxs.Pipeline.Tests.Phantom;

/// <summary>The fanned-out slices of ./build.sh Phantom: killed half way, and run one or two at a time.</summary>
[Collection(BuildGraphCollection.Name)]
public sealed class PhantomFanOutTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public void A_build_killed_during_the_slices_leaves_nothing_taken_as_up_to_date_and_the_next_build_finishes_it()
    {
        using var build = PhantomBuild.Create();
        using (var process = build.Start("Phantom", "--jobs", "1"))
        {
            var output = PipelineBuild.CollectOutput(process);
            var deadline = DateTime.UtcNow + Patience;
            // Slice 00's part appears once it is complete; slice 01 is then being generated (or its task host starting).
            while (!File.Exists(build.Part(0)) && !process.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }

            Assert.False(process.HasExited, $"the build ended before it could be killed:\n{output}");
            PipelineBuild.KillGroup(process);
        }

        Assert.False(File.Exists(build.Part(1)), "slice 01 finished before the kill; the test did not interrupt the slices");
        Assert.All(PhantomBuild.SaxsFiles.Select(build.Raw), file => Assert.False(File.Exists(file), file));
        var plan = build.Run("Phantom", "--plan").Succeeded();
        Assert.Matches(@"PhantomSlice slice 00\s+up to date", plan.Output);
        Assert.Matches(@"PhantomSlice slice 01\s+would run: output phantom/parts/slice_01\.h5 is missing", plan.Output);
        Assert.Matches(@"PhantomAssemble\s+would run:", plan.Output);

        build.Run("Phantom").Succeeded();

        Assert.Contains("Everything is up to date; nothing would run.", build.Run("Phantom", "--plan").Succeeded().Output, StringComparison.Ordinal);
        using var reference = PhantomBuild.Create();
        reference.Run("Phantom").Succeeded();
        ScanSnapshot.AssertSame(reference.Raw(""), build.Raw(""));
        ScanSnapshot.AssertSame(reference.Truth(), build.Truth());
    }

    [Fact]
    public void One_or_two_slices_at_a_time_give_the_same_data()
    {
        using var one = PhantomBuild.Create();
        using var two = PhantomBuild.Create();

        one.Run("Phantom", "--jobs", "1").Succeeded();
        two.Run("Phantom", "--jobs", "2").Succeeded();

        // Every HDF5 dataset and attribute, TIFF slice, workbook row and text file; the provenance sidecar (times,
        // host) is outside these folders.
        ScanSnapshot.AssertSame(one.Raw(""), two.Raw(""));
        ScanSnapshot.AssertSame(one.Truth(), two.Truth());
        ScanSnapshot.AssertSame(one.Artifact("phantom/parts"), two.Artifact("phantom/parts"));
    }
}
