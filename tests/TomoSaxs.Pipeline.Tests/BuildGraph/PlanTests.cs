namespace TomoSaxs.Pipeline.Tests.BuildGraph;

/// <summary><c>--plan</c> explains every target and slice and writes nothing; the build then runs what it said.</summary>
[Collection(BuildGraphCollection.Name)]
public sealed class PlanTests
{
    [Fact]
    public void The_plan_gives_each_step_its_reasons_changes_nothing_and_the_build_then_runs_exactly_those_steps()
    {
        using var build = new PipelineBuild();
        build.Run("Stripe").Succeeded();
        File.Delete(build.Artifact("slices/03/stripe.txt"));
        File.SetLastWriteTimeUtc(build.Artifact("slices/01/stripe.txt"), File.GetLastWriteTimeUtc(build.Artifact("seed/seed.txt")).AddMinutes(-1));
        var before = build.Snapshot();

        var plan = build.Run("Stripe", "--plan").Succeeded();

        Assert.Contains(
            """
              Plan for Stripe on scan demo (all 4 slices):
                Seed             up to date
                Stripe slice 00  up to date
                Stripe slice 01  would run: input seed/seed.txt is newer than output slices/01/stripe.txt
                Stripe slice 02  up to date
                Stripe slice 03  would run: output slices/03/stripe.txt is missing
              2 of 5 steps would run.
            """.ReplaceLineEndings(), plan.Output.ReplaceLineEndings(), StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(before, build.Snapshot()));

        build.Run("Stripe").Succeeded();
        Assert.Equal(
            ["artifacts/demo/slices/01/stripe.txt", "artifacts/demo/slices/01/stripe.txt.provenance.json",
             "artifacts/demo/slices/03/stripe.txt", "artifacts/demo/slices/03/stripe.txt.provenance.json"],
            PipelineBuild.Changed(before, build.Snapshot()));
    }

    [Fact]
    public void Changed_parameters_a_new_version_and_force_are_explained_without_writing_a_stamp()
    {
        using var build = new PipelineBuild();
        build.Run("Stripe").Succeeded();
        var before = build.Snapshot();

        var upstream = build.Run("Stripe", "--plan", "--set", "register.vertical_offset_um=5").Succeeded();
        build.Environment["StripeVersion"] = "2";
        var version = build.Run("Stripe", "--plan", "--set", "integrate.chi_bins=36", "--force", "--slices", "2").Succeeded();

        Assert.Contains("    Seed             would run: parameters changed: register.vertical_offset_um \"auto\" → 5", upstream.Output, StringComparison.Ordinal);
        Assert.Contains("    Stripe slice 03  would run: input seed/seed.txt will be rebuilt by Seed", upstream.Output, StringComparison.Ordinal);
        Assert.Contains("  5 of 5 steps would run.", upstream.Output, StringComparison.Ordinal);
        Assert.Contains("  Plan for Stripe on scan demo (slices 2 of 4):", version.Output, StringComparison.Ordinal);
        Assert.Contains("    Seed             up to date", version.Output, StringComparison.Ordinal);
        Assert.Contains(
            "    Stripe slice 02  would run: --force; parameters changed: integrate.chi_bins 20 → 36; stage version changed: 1 → 2",
            version.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(before, build.Snapshot()));
    }

    [Fact]
    public void Planning_a_scan_never_built_creates_no_artefact_folder()
    {
        using var build = new PipelineBuild();

        var plan = build.Run("Stripe", "--plan", "--slices", "1-2").Succeeded();

        Assert.Contains("    Seed             would run: output seed/seed.txt is missing (and 1 more)", plan.Output, StringComparison.Ordinal);
        Assert.Contains(
            "    Stripe slice 02  would run: output slices/02/stripe.txt is missing (and 1 more); input seed/seed.txt will be rebuilt by Seed",
            plan.Output, StringComparison.Ordinal);
        Assert.Contains("  3 of 3 steps would run.", plan.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(build.Artifacts));
    }

    [Fact]
    public void Only_stages_can_be_planned()
    {
        using var build = new PipelineBuild();

        var plan = build.Run("Test", "--plan");

        Assert.NotEqual(0, plan.ExitCode);
        Assert.Contains("error : Test is not a build stage, so there is nothing to plan; stages: PhantomScanLevel, PhantomSlice, PhantomAssemble, Calibrate, Register, Correct, Seed, Stripe, Tally.", plan.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(build.Artifacts));
    }
}
