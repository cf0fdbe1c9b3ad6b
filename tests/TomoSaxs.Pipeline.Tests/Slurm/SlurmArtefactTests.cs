using TomoSaxs.Pipeline.Tests.BuildGraph;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>
/// What `--executor slurm` builds, and what it submits on the next runs, on the test graph Seed (scan, local) → Stripe
/// (per slice) → Tally (per slice, reads the slice's stripe) of a 3-slice scan, through the real build.sh.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmArtefactTests(SlurmClusterFixture fixture)
{
    [Fact]
    public void Slurm_builds_byte_identical_artefacts_to_local_with_the_job_in_their_provenance()
    {
        using var build = SlurmBuild.Create(fixture.Cluster);
        build.Run("Tally", "--executor", "local").Succeeded();
        var local = Artefacts(build);
        Directory.Delete(build.Artifacts, recursive: true);

        var slurm = build.Run("Tally", "--executor", "slurm").Succeeded();

        var jobs = new Dictionary<string, string>
        {
            ["Stripe"] = Assert.Single(SlurmBuild.JobIds(slurm.Output, "Stripe")),
            ["Tally"] = Assert.Single(SlurmBuild.JobIds(slurm.Output, "Tally")),
        };
        var remote = Artefacts(build);
        Assert.Equal(local.Keys, remote.Keys);
        foreach (var file in SlurmBuild.StageOutputs("Stripe", "Tally").Append("seed/seed.txt"))
        {
            Assert.Equal(local[file], remote[file]);
            var (localProvenance, localJob) = SlurmBuild.Provenance(local[file + ".provenance.json"]);
            var (remoteProvenance, remoteJob) = SlurmBuild.Provenance(remote[file + ".provenance.json"]);
            Assert.Equal(localProvenance, remoteProvenance);
            Assert.Null(localJob);
            if (file.StartsWith("slices/", StringComparison.Ordinal))
            {
                // Each slice was built by its own array task: <array job>_<task id = slice>.
                var slice = int.Parse(file["slices/".Length..("slices/".Length + 2)], System.Globalization.CultureInfo.InvariantCulture);
                var stage = file.EndsWith("stripe.txt", StringComparison.Ordinal) ? "Stripe" : "Tally";
                Assert.Equal($"{jobs[stage]}_{slice}", remoteJob);
                Assert.True(File.Exists(build.Artifact($"slurm/logs/{stage}_{jobs[stage]}_{slice}.log")), $"no log for {stage} slice {slice}");
            }
            else
            {
                Assert.Null(remoteJob); // Seed runs once per scan, here
            }
        }

        Assert.Equal("0-2", SlurmBuild.ArraySpec(build, "Stripe"));
        Assert.Equal("0-2", SlurmBuild.ArraySpec(build, "Tally"));
        Assert.Matches(@"Stripe on SLURM \(job \d+\): 0 pending, 0 running, 3 done, 0 failed, \d+:\d\d elapsed", slurm.Output);
        Assert.Empty(fixture.Cluster.QueuedJobs());
    }

    [Fact]
    public void A_second_run_submits_nothing_and_a_changed_slice_input_submits_only_that_slice()
    {
        using var build = SlurmBuild.Create(fixture.Cluster);
        build.Run("Tally", "--executor", "slurm").Succeeded();
        var before = build.Snapshot();

        var again = build.Run("Tally", "--executor", "slurm").Succeeded();

        Assert.Contains("Stripe: all 3 selected slices are up to date; nothing submitted to SLURM.", again.Output, StringComparison.Ordinal);
        Assert.Contains("Tally: all 3 selected slices are up to date; nothing submitted to SLURM.", again.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(before, build.Snapshot()));

        // Tally reads the slice's stripe.txt: touching slice 1's makes Tally slice 1, and only it, stale.
        File.SetLastWriteTimeUtc(build.Artifact("slices/01/stripe.txt"), DateTime.UtcNow);
        before = build.Snapshot();
        var one = build.Run("Tally", "--executor", "slurm").Succeeded();

        Assert.Contains("Stripe: all 3 selected slices are up to date; nothing submitted to SLURM.", one.Output, StringComparison.Ordinal);
        var job = Assert.Single(SlurmBuild.JobIds(one.Output, "Tally"));
        Assert.Contains($"Tally: submitted 1 of 3 slices (1) to SLURM as job array {job} — inputs newer than outputs.", one.Output, StringComparison.Ordinal);
        Assert.Equal("1", SlurmBuild.ArraySpec(build, "Tally"));
        Assert.Equal(
            [
                "artifacts/demo/slices/01/tally.txt", "artifacts/demo/slices/01/tally.txt.provenance.json",
                "artifacts/demo/slurm/Tally.sbatch", $"artifacts/demo/slurm/logs/Tally_{job}_1.log",
            ],
            PipelineBuild.Changed(before, build.Snapshot()));
    }

    /// <summary>Every artefact of the test stages (outputs and provenance), by path relative to the scan's artefacts.</summary>
    private static Dictionary<string, byte[]> Artefacts(PipelineBuild build) =>
        SlurmBuild.StageOutputs("Stripe", "Tally").Append("seed/seed.txt")
            .SelectMany(file => new[] { file, file + ".provenance.json" })
            .ToDictionary(file => file, file => File.ReadAllBytes(build.Artifact(file)));
}
