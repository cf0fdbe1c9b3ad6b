namespace TomoSaxs.Pipeline.Tests.BuildGraph;

/// <summary>A build killed in the middle of a slice (SIGKILL to MSBuild, its nodes and task hosts), or a stage that fails.</summary>
[Collection(BuildGraphCollection.Name)]
public sealed class InterruptionTests
{
    [Fact]
    public void A_killed_slice_leaves_nothing_that_looks_up_to_date_and_the_next_build_finishes_it()
    {
        using var build = new PipelineBuild();
        build.Run("Stripe").Succeeded();
        var old = build.Snapshot();

        // Rerun with new parameters, slowly, one slice at a time, and kill the build while a slice is half written.
        build.Environment[TestStages.StripeStage.DelayVariable] = "40";
        using (var process = build.Start("Stripe", "--set", "integrate.chi_bins=40", "--jobs", "1"))
        {
            var output = PipelineBuild.CollectOutput(process);
            var partial = WaitForPartialOutput(build, process, output);
            PipelineBuild.KillGroup(process);
            Assert.True(File.Exists(partial), "the partial output disappeared before the kill");
        }

        var killed = build.Snapshot();
        var interrupted = Enumerable.Range(0, 4).Where(s => Header(build, s).Contains("chi_bins 20", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(interrupted);
        foreach (var slice in interrupted)
        {
            // The old output and its provenance are intact: a kill never leaves a half-written file under the real name.
            var stripe = $"artifacts/demo/slices/0{slice}/stripe.txt";
            Assert.Equal(old[stripe], killed[stripe]);
            Assert.Equal(old[stripe + ".provenance.json"], killed[stripe + ".provenance.json"]);
        }

        build.Environment.Remove(TestStages.StripeStage.DelayVariable);
        var plan = build.Run("Stripe", "--set", "integrate.chi_bins=40", "--plan").Succeeded();
        foreach (var slice in interrupted)
        {
            Assert.Contains($"Stripe slice 0{slice}  would run: parameters changed since the outputs were written", plan.Output, StringComparison.Ordinal);
        }

        build.Run("Stripe", "--set", "integrate.chi_bins=40").Succeeded();

        Assert.All(Enumerable.Range(0, 4), slice => Assert.StartsWith($"slice {slice} chi_bins 40 ", Header(build, slice), StringComparison.Ordinal));
        Assert.All(Enumerable.Range(0, 4), slice => Assert.Equal(41, File.ReadAllLines(build.Artifact($"slices/0{slice}/stripe.txt")).Length));
        Assert.Empty(Directory.GetFiles(build.Artifacts, ".*", SearchOption.AllDirectories));
        Assert.Contains("everything is up to date", build.Run("Stripe", "--set", "integrate.chi_bins=40").Succeeded().Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_stage_reports_its_error_keeps_the_previous_outputs_and_stays_stale()
    {
        using var build = new PipelineBuild();
        build.Run("Stripe").Succeeded();
        File.WriteAllText(build.Artifact("seed/seed.txt"), "not a seed\n");
        var before = build.Snapshot();

        var failed = build.Run("Stripe", "--slices", "1");

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains($"error : Stripe slice 01 failed: {build.Artifact("seed/seed.txt")} has no 'seed' line.", failed.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(before, build.Snapshot()));
        Assert.Contains("Stripe slice 01  would run: input seed/seed.txt is newer than output slices/01/stripe.txt",
            build.Run("Stripe", "--plan").Succeeded().Output, StringComparison.Ordinal);
    }

    /// <summary>Waits until some slice's temporary file holds a few lines (the stage is mid-write) and returns it.</summary>
    private static string WaitForPartialOutput(PipelineBuild build, System.Diagnostics.Process process, System.Text.StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the build ended before it could be interrupted:\n{output}");
            var partial = Directory.Exists(build.Artifact("slices"))
                ? Directory.GetFiles(build.Artifact("slices"), ".stripe.txt.tmp-*", SearchOption.AllDirectories).FirstOrDefault(HasLines)
                : null;
            if (partial is not null)
            {
                return partial;
            }

            Thread.Sleep(20);
        }

        Assert.Fail($"no slice was seen half written:\n{output}");
        return "";
    }

    private static bool HasLines(string file)
    {
        try
        {
            return File.ReadAllLines(file).Length >= 5;
        }
        catch (IOException)
        {
            return false; // renamed into place (or discarded) while being looked at
        }
    }

    private static string Header(PipelineBuild build, int slice) => File.ReadLines(build.Artifact($"slices/0{slice}/stripe.txt")).First();
}
