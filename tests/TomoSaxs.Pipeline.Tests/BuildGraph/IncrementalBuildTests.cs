namespace TomoSaxs.Pipeline.Tests.BuildGraph;

/// <summary>
/// What reruns after what change, on the test graph Seed (scan) → Stripe (4 slices), through the real build.sh.
/// Each test compares snapshots (size, time, hash) of every file before and after a build.
/// </summary>
[Collection(BuildGraphCollection.Name)]
public sealed class IncrementalBuildTests
{
    private static readonly string[] AllStripes = Enumerable.Range(0, 4)
        .SelectMany(s => new[] { $"artifacts/demo/slices/0{s}/stripe.txt", $"artifacts/demo/slices/0{s}/stripe.txt.provenance.json" })
        .ToArray();

    private static readonly string[] Seed = ["artifacts/demo/seed/seed.txt", "artifacts/demo/seed/seed.txt.provenance.json"];

    [Fact]
    public void The_first_build_makes_every_output_and_the_second_does_nothing_and_says_so()
    {
        using var build = new PipelineBuild();

        var first = build.Run("Stripe").Succeeded();

        Assert.Contains("  Seed: to build — output seed/seed.txt is missing (and 1 more)", first.Output, StringComparison.Ordinal);
        Assert.Contains("  Stripe: 4 of 4 slices to build (0-3) — outputs missing", first.Output, StringComparison.Ordinal);
        string[] stamps =
        [
            "artifacts/demo/stamps/Seed.parameters.json", "artifacts/demo/stamps/Seed.version",
            "artifacts/demo/stamps/Stripe.parameters.json", "artifacts/demo/stamps/Stripe.version",
        ];
        Assert.Equal(
            Seed.Concat(AllStripes).Concat(stamps).Order(StringComparer.Ordinal),
            build.Snapshot().Keys.Where(path => path.StartsWith("artifacts/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        var before = build.Snapshot();
        var second = build.Run("Stripe").Succeeded();

        Assert.Contains("Stripe on scan demo (all 4 slices): everything is up to date.", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": done,", second.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(before, build.Snapshot()));
    }

    [Fact]
    public void A_changed_parameter_reruns_its_stage_and_the_stages_downstream_only()
    {
        using var build = new PipelineBuild();
        build.Run("Stripe").Succeeded();

        var before = build.Snapshot();
        var downstream = build.Run("Stripe", "--set", "integrate.chi_bins=30").Succeeded();

        Assert.Contains("  Seed: up to date", downstream.Output, StringComparison.Ordinal);
        Assert.Contains("  Stripe: 4 of 4 slices to build (0-3) — parameters changed: integrate.chi_bins 20 → 30", downstream.Output, StringComparison.Ordinal);
        Assert.Equal([.. AllStripes, "artifacts/demo/stamps/Stripe.parameters.json"], PipelineBuild.Changed(before, build.Snapshot()));
        Assert.StartsWith("slice 3 chi_bins 30 ", File.ReadLines(build.Artifact("slices/03/stripe.txt")).First(), StringComparison.Ordinal);

        before = build.Snapshot();
        var upstream = build.Run("Stripe", "--set", "integrate.chi_bins=30", "--set", "register.vertical_offset_um=5").Succeeded();

        Assert.Contains("  Seed: to build — parameters changed: register.vertical_offset_um \"auto\" → 5", upstream.Output, StringComparison.Ordinal);
        Assert.Contains("  Stripe: 4 of 4 slices to build (0-3) — inputs rebuilt upstream", upstream.Output, StringComparison.Ordinal);
        Assert.Equal([.. Seed, .. AllStripes, "artifacts/demo/stamps/Seed.parameters.json"], PipelineBuild.Changed(before, build.Snapshot()));
    }

    [Fact]
    public void A_per_slice_stage_after_another_runs_in_its_own_wave_and_reruns_slice_by_slice_with_it()
    {
        using var build = new PipelineBuild();
        var first = build.Run("Tally", "--set", "integrate.chi_bins=5").Succeeded();

        Assert.Contains("  Tally: 4 of 4 slices to build (0-3) — outputs missing", first.Output, StringComparison.Ordinal);
        var values = Enumerable.Range(0, 5).Select(bin => TestStages.StripeStage.Value(0, 2, bin, 0.282179));
        Assert.Equal(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"slice 2 count 5 sum {values.Sum():R}\n"),
            File.ReadAllText(build.Artifact("slices/02/tally.txt")));

        File.Delete(build.Artifact("slices/01/stripe.txt"));
        var before = build.Snapshot();
        var plan = build.Run("Tally", "--set", "integrate.chi_bins=5", "--plan").Succeeded();
        build.Run("Tally", "--set", "integrate.chi_bins=5").Succeeded();

        Assert.Contains("    Tally slice 01   would run: input slices/01/stripe.txt will be rebuilt by Stripe slice 01", plan.Output, StringComparison.Ordinal);
        Assert.Contains("    Tally slice 02   up to date", plan.Output, StringComparison.Ordinal);
        Assert.Equal(
            ["artifacts/demo/slices/01/stripe.txt", "artifacts/demo/slices/01/stripe.txt.provenance.json",
             "artifacts/demo/slices/01/tally.txt", "artifacts/demo/slices/01/tally.txt.provenance.json"],
            PipelineBuild.Changed(before, build.Snapshot()));
        Assert.Equal("{}", File.ReadAllText(build.Artifact("stamps/Tally.parameters.json")));
    }

    [Fact]
    public void The_same_value_again_or_a_touched_scan_yaml_reruns_nothing()
    {
        using var build = new PipelineBuild();
        build.Run("Stripe").Succeeded();
        var before = build.Snapshot();

        build.Run("Stripe", "--set", "integrate.chi_bins=20", "--set", "integrate.q0_nm=2.82179e-1").Succeeded();
        Assert.Empty(PipelineBuild.Changed(before, build.Snapshot()));

        File.WriteAllText(build.ScanYaml, File.ReadAllText(build.ScanYaml));
        File.SetLastWriteTimeUtc(build.ScanYaml, DateTime.UtcNow.AddSeconds(5));
        before = build.Snapshot();
        var touched = build.Run("Stripe").Succeeded();

        Assert.Contains("everything is up to date", touched.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(before, build.Snapshot()));
    }

    [Fact]
    public void Deleting_one_slices_output_reruns_that_slice_only()
    {
        using var build = new PipelineBuild();
        build.Run("Stripe").Succeeded();
        File.Delete(build.Artifact("slices/02/stripe.txt"));
        var before = build.Snapshot();

        var run = build.Run("Stripe").Succeeded();

        Assert.Contains("  Stripe: to build slice 02 — output slices/02/stripe.txt is missing", run.Output, StringComparison.Ordinal);
        Assert.Equal(["artifacts/demo/slices/02/stripe.txt", "artifacts/demo/slices/02/stripe.txt.provenance.json"],
            PipelineBuild.Changed(before, build.Snapshot()));
    }

    [Fact]
    public void A_new_stage_version_reruns_that_stage_and_is_recorded_in_provenance()
    {
        using var build = new PipelineBuild();
        build.Run("Stripe").Succeeded();
        var before = build.Snapshot();
        build.Environment["StripeVersion"] = "2";

        var run = build.Run("Stripe").Succeeded();

        Assert.Contains("  Stripe: 4 of 4 slices to build (0-3) — stage version changed: 1 → 2", run.Output, StringComparison.Ordinal);
        Assert.Equal([.. AllStripes, "artifacts/demo/stamps/Stripe.version"], PipelineBuild.Changed(before, build.Snapshot()));
        var provenance = ProvenanceJson.Read(File.ReadAllText(build.Artifact("slices/01/stripe.txt.provenance.json")));
        Assert.Equal(new StageIdentity("Stripe", "2", File.ReadAllText(build.Artifact("stamps/Stripe.parameters.json"))), provenance.Stage);
        Assert.Equal(1, provenance.Slice);
    }

    [Fact]
    public void Force_reruns_the_requested_stage_for_the_selected_slices_only()
    {
        using var build = new PipelineBuild();
        build.Run("Stripe").Succeeded();
        var before = build.Snapshot();

        var forced = build.Run("Stripe", "--force", "--slices", "1").Succeeded();

        Assert.Contains("Stripe on scan demo (slices 1 of 4):", forced.Output, StringComparison.Ordinal);
        Assert.Contains("  Stripe: to build slice 01 — --force", forced.Output, StringComparison.Ordinal);
        Assert.Equal(["artifacts/demo/slices/01/stripe.txt", "artifacts/demo/slices/01/stripe.txt.provenance.json"],
            PipelineBuild.Changed(before, build.Snapshot()));
        Assert.Contains("everything is up to date", build.Run("Stripe").Succeeded().Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Slices_limits_the_fan_out_and_a_later_build_adds_the_rest()
    {
        using var build = new PipelineBuild();

        var some = build.Run("Stripe", "--slices", "0,2").Succeeded();

        Assert.Contains("Stripe on scan demo (slices 0,2 of 4):", some.Output, StringComparison.Ordinal);
        Assert.Equal(["00", "02"], Directory.GetDirectories(build.Artifact("slices")).Select(Path.GetFileName).Order());
        var rest = build.Run("Stripe").Succeeded();
        Assert.Contains("  Stripe: 2 of 4 slices to build (1,3) — outputs missing", rest.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void One_slice_target_runs_on_its_own_as_a_cluster_array_task_would()
    {
        using var build = new PipelineBuild();
        build.Run("Seed").Succeeded();

        var run = build.Run("StripeSlice", "--slice", "2").Succeeded();

        Assert.Contains("Stripe slice 02: done", run.Output, StringComparison.Ordinal);
        Assert.Equal(["02"], Directory.GetDirectories(build.Artifact("slices")).Select(Path.GetFileName));
        Assert.True(File.Exists(build.Artifact("stamps/Stripe.parameters.json")));
        Assert.Contains("Slice=7 : error : slice 7 is out of range", build.Run("StripeSlice", "--slice", "7").Output, StringComparison.Ordinal);
    }
}
