namespace TomoSaxs.Pipeline.Tests.BuildGraph;

/// <summary>The per-slice fan-out honours --jobs: slices overlap with two nodes, never with one, same results.</summary>
[Collection(BuildGraphCollection.Name)]
public sealed class ParallelBuildTests
{
    [Fact]
    public void One_and_two_jobs_give_identical_outputs_and_two_jobs_run_slices_at_the_same_time()
    {
        using var serial = new PipelineBuild();
        using var parallel = new PipelineBuild();
        foreach (var build in new[] { serial, parallel })
        {
            build.Environment[TestStages.StripeStage.DelayVariable] = "40";
            build.Environment["ProgressInterval"] = "0.3";
        }

        var one = serial.Run("Stripe", "--jobs", "1", "--set", "integrate.chi_bins=25").Succeeded();
        var two = parallel.Run("Stripe", "--jobs", "2", "--set", "integrate.chi_bins=25").Succeeded();

        foreach (var file in new[] { "seed/seed.txt" }.Concat(Enumerable.Range(0, 4).Select(s => $"slices/0{s}/stripe.txt")))
        {
            Assert.Equal(File.ReadAllBytes(serial.Artifact(file)), File.ReadAllBytes(parallel.Artifact(file)));
            Assert.Equal(Provenance(serial, file).Stage, Provenance(parallel, file).Stage);
        }

        Assert.False(AnyOverlap(serial), "with --jobs 1 no two slices may run at once");
        Assert.True(AnyOverlap(parallel), "with --jobs 2 some slices must run at once (all slices in one MSBuild call)");

        // Long work reports progress with slice, percentage, rate and ETA.
        Assert.Matches(@"Stripe slice 0\d: \d+% \(\d+/25 bins\), [\d.]+ bins/s, ETA \d+:\d\d", one.Output);
        Assert.Matches(@"Stripe slice 0\d: done, 25 bins in [\d.]+ s \([\d.]+ bins/s\)", two.Output);
    }

    private static ProvenanceRecord Provenance(PipelineBuild build, string file) =>
        ProvenanceJson.Read(File.ReadAllText(build.Artifact(file + ".provenance.json")));

    /// <summary>Whether the [started, written] intervals of any two slices intersect.</summary>
    private static bool AnyOverlap(PipelineBuild build)
    {
        var runs = Enumerable.Range(0, 4).Select(s => Provenance(build, $"slices/0{s}/stripe.txt")).ToList();
        return runs.SelectMany((a, i) => runs.Skip(i + 1).Select(b => (a, b)))
            .Any(pair => pair.a.StartedUtc < pair.b.WrittenUtc && pair.b.StartedUtc < pair.a.WrittenUtc);
    }
}
