using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests;

/// <summary>Plans over a two-stage graph (Seed once per scan, Stripe per slice) on real files.</summary>
public sealed class BuildPlanTests : IDisposable
{
    private readonly TemporaryDirectory temp = new();
    private readonly ArtifactLayout layout;
    private readonly StageDeclaration seed;
    private readonly StageDeclaration stripe;
    private readonly StageGraph graph;
    private readonly Dictionary<string, string> parameters = new() { ["Seed"] = "{\"s\":1}", ["Stripe"] = "{\"t\":1}" };

    public BuildPlanTests()
    {
        layout = new ArtifactLayout(temp.Path);
        var seedFile = temp.File("seed/seed.txt");
        seed = new StageDeclaration("Seed", "1", [], false, [], [new StageFile(seedFile, "seed")]);
        stripe = new StageDeclaration("Stripe", "1", [], true,
            [new StageFile(seedFile, "seed")], [new StageFile(Path.Combine(temp.Path, "slices", ArtifactLayout.SliceToken, "stripe.txt"), "stripe")]);
        graph = new StageGraph([stripe, seed]);
    }

    [Fact]
    public void A_fresh_scan_plans_every_step_in_build_order()
    {
        var plan = Plan(SliceSelection.All(3));

        Assert.Equal(["Seed", "Stripe slice 00", "Stripe slice 01", "Stripe slice 02"], plan.Entries.Select(e => e.Label));
        Assert.All(plan.Entries, entry => Assert.True(entry.WouldRun));
        Assert.Equal(
            """
            Plan for Stripe on scan demo (all 3 slices):
              Seed             would run: output seed/seed.txt is missing
              Stripe slice 00  would run: output slices/00/stripe.txt is missing; input seed/seed.txt will be rebuilt by Seed
              Stripe slice 01  would run: output slices/01/stripe.txt is missing; input seed/seed.txt will be rebuilt by Seed
              Stripe slice 02  would run: output slices/02/stripe.txt is missing; input seed/seed.txt will be rebuilt by Seed
            4 of 4 steps would run.
            """.ReplaceLineEndings(), plan.Describe("demo"));
        Assert.Equal(
            """
            Stripe on scan demo (all 3 slices):
              Seed: to build — output seed/seed.txt is missing
              Stripe: 3 of 3 slices to build (0-2) — outputs missing
            """.ReplaceLineEndings().TrimEnd(), plan.Summarise("demo"));
    }

    [Fact]
    public void After_a_build_everything_is_up_to_date_and_only_a_deleted_slice_reruns()
    {
        BuildAll(4);
        Assert.True(Plan(SliceSelection.All(4)).UpToDate);
        Assert.Equal("Stripe on scan demo (all 4 slices): everything is up to date.", Plan(SliceSelection.All(4)).Summarise("demo"));

        File.Delete(temp.File("slices/02/stripe.txt"));
        var plan = Plan(SliceSelection.All(4));

        Assert.Equal(["Stripe slice 02"], plan.Entries.Where(e => e.WouldRun).Select(e => e.Label));
        Assert.Contains("  Stripe: to build slice 02 — output slices/02/stripe.txt is missing", plan.Summarise("demo"), StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_upstream_parameters_rerun_the_upstream_stage_and_everything_reading_it()
    {
        BuildAll(4);
        parameters["Seed"] = "{\"s\":2}";

        var plan = Plan(SliceSelection.TryParse("1,3", 4, out _)!);

        Assert.Equal(["Seed", "Stripe slice 01", "Stripe slice 03"], plan.Entries.Select(e => e.Label));
        Assert.Equal("would run: parameters changed: s 1 → 2", plan.Entries[0].Verdict);
        Assert.Equal("would run: input seed/seed.txt will be rebuilt by Seed", plan.Entries[1].Verdict);
        Assert.StartsWith("Plan for Stripe on scan demo (slices 1,3 of 4):", plan.Describe("demo"), StringComparison.Ordinal);
        Assert.Contains("  Stripe: 2 of 2 slices to build (1,3) — inputs rebuilt upstream", plan.Summarise("demo"), StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_downstream_parameters_leave_the_upstream_stage_alone()
    {
        BuildAll(2);
        parameters["Stripe"] = "{\"t\":5}";

        var plan = Plan(SliceSelection.All(2));

        Assert.Equal([false, true, true], plan.Entries.Select(e => e.WouldRun));
        Assert.EndsWith("2 of 3 steps would run.", plan.Describe("demo"), StringComparison.Ordinal);
    }

    [Fact]
    public void Force_reruns_the_target_stage_but_not_the_stages_upstream()
    {
        BuildAll(2);

        var plan = BuildPlan.Create(graph, stripe, SliceSelection.All(2), Stamps, layout, force: true);

        Assert.Equal(["up to date", "would run: --force", "would run: --force"], plan.Entries.Select(e => e.Verdict));
    }

    [Fact]
    public void A_plan_for_a_scan_level_stage_needs_no_slices_but_one_with_slices_does()
    {
        Assert.Equal(["Seed"], BuildPlan.Create(graph, seed, null, Stamps, layout, false).Entries.Select(e => e.Label));
        Assert.Throws<ArgumentNullException>(() => BuildPlan.Create(graph, stripe, null, Stamps, layout, false));
    }

    [Fact]
    public void A_scan_level_stage_reading_a_per_slice_file_reads_it_from_every_slice_not_just_the_selected()
    {
        BuildAll(3);
        var gather = new StageDeclaration("Gather", "1", [], false,
            [new StageFile(stripe.Outputs[0].Path, "stripe")], [new StageFile(temp.File("gather.txt"), "gather")]);
        var gathered = new StageGraph([seed, stripe, gather]);
        parameters["Gather"] = "{}";
        File.Delete(temp.File("slices/02/stripe.txt"));

        var plan = BuildPlan.Create(gathered, gather, SliceSelection.TryOne(0, 3, out _)!, Stamps, layout, force: false);

        Assert.Equal(["Seed", "Stripe slice 00", "Gather"], plan.Entries.Select(e => e.Label));
        Assert.Equal(
            ["output gather.txt is missing", "input slices/02/stripe.txt is missing and no stage in this build writes it"],
            plan.Entries[2].Reasons.Select(r => r.Text));
        Assert.Throws<ArgumentNullException>(() => BuildPlan.Create(gathered, gather, null, Stamps, layout, false));
    }

    public void Dispose() => temp.Dispose();

    private BuildPlan Plan(SliceSelection slices) => BuildPlan.Create(graph, stripe, slices, Stamps, layout, force: false);

    private StageStamps Stamps(StageDeclaration stage) =>
        new(StampState.Read(layout.ParameterStamp(stage.Name), parameters[stage.Name]), StampState.Read(layout.VersionStamp(stage.Name), stage.Version));

    /// <summary>What a build would leave: stamps first, then outputs in build order, each a little later.</summary>
    private void BuildAll(int slices)
    {
        var time = DateTime.UtcNow.AddMinutes(-10);
        foreach (var stage in new[] { seed, stripe })
        {
            Stamps(stage).Write();
            File.SetLastWriteTimeUtc(layout.ParameterStamp(stage.Name), time);
            File.SetLastWriteTimeUtc(layout.VersionStamp(stage.Name), time);
        }

        var files = new[] { temp.File("seed/seed.txt") }
            .Concat(Enumerable.Range(0, slices).Select(s => ArtifactLayout.ForSlice(stripe.Outputs[0].Path, s)));
        foreach (var file in files)
        {
            time = time.AddSeconds(1);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "x");
            File.SetLastWriteTimeUtc(file, time);
        }
    }
}
