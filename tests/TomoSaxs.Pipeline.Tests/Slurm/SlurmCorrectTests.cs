using System.Text;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Phantom.Tests;
using TomoSaxs.Pipeline.Tests.BuildGraph;
using TomoSaxs.Pipeline.Tests.Phantom;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>
/// ./build.sh Correct with `--executor slurm` on the phantom tests' tiny scan (2 slices): Correct, the first per-slice
/// science stage, runs as a job array (as PhantomSlice before it; Calibrate and Register locally), builds the same
/// corrected.h5 as `--executor local`, submits nothing on a second run and only the one stale slice after that.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmCorrectTests(SlurmClusterFixture fixture)
{
    private static readonly int[] Slices = [0, 1];

    [Fact]
    public void Correct_on_slurm_gives_the_same_corrected_slices_as_local_and_resubmits_only_a_stale_slice()
    {
        using var local = PhantomBuild.Create();
        using var slurm = PhantomBuild.Create().PointedAt(fixture.Cluster);

        local.Run("Correct", "--executor", "local").Succeeded();
        var run = slurm.Run("Correct", "--executor", "slurm").Succeeded();

        var job = Assert.Single(SlurmBuild.JobIds(run.Output, "Correct"));
        Assert.Contains($"Correct: submitted 2 of 2 slices (0-1) to SLURM as job array {job} — outputs missing.", run.Output, StringComparison.Ordinal);
        Assert.Equal("0-1", SlurmBuild.ArraySpec(slurm, "Correct"));
        foreach (var slice in Slices)
        {
            AssertSameCorrected(local, slurm, slice, $"{job}_{slice}");
            Assert.True(File.Exists(slurm.Artifact($"slurm/logs/Correct_{job}_{slice}.log")), $"no log for slice {slice}");
        }

        Assert.Empty(fixture.Cluster.QueuedJobs());

        var before = slurm.Snapshot();
        var again = slurm.Run("Correct", "--executor", "slurm").Succeeded();

        Assert.Contains("Correct: all 2 selected slices are up to date; nothing submitted to SLURM.", again.Output, StringComparison.Ordinal);
        Assert.Empty(SlurmBuild.JobIds(again.Output, "Correct"));
        Assert.Empty(PipelineBuild.Changed(before, slurm.Snapshot()));

        // Correct's inputs are the scan's raw files and register/registration.h5, which every slice reads; only its
        // output is a slice's own. Without slice 1's corrected.h5, slice 1 and nothing else is stale.
        File.Delete(slurm.Artifact("slices/01/corrected.h5"));
        before = slurm.Snapshot();
        var one = slurm.Run("Correct", "--executor", "slurm").Succeeded();

        var rerun = Assert.Single(SlurmBuild.JobIds(one.Output, "Correct"));
        Assert.Contains($"Correct: submitted 1 of 2 slices (1) to SLURM as job array {rerun} — outputs missing.", one.Output, StringComparison.Ordinal);
        Assert.Equal("1", SlurmBuild.ArraySpec(slurm, "Correct"));
        Assert.Equal(
            [
                "artifacts/demo/slices/01/corrected.h5", "artifacts/demo/slices/01/corrected.h5.provenance.json",
                "artifacts/demo/slurm/Correct.sbatch",
                $"artifacts/demo/slurm/logs/Correct_{rerun}_1.log",
            ],
            PipelineBuild.Changed(before, slurm.Snapshot()));
        AssertSameCorrected(local, slurm, 1, $"{rerun}_1");
        Assert.Empty(fixture.Cluster.QueuedJobs());
    }

    /// <summary>
    /// Slice <paramref name="slice"/>'s corrected.h5 of both builds has the same groups, datasets (type, shape, values)
    /// and attributes (file paths with each build's temporary root as &lt;root&gt;), but for the root's provenance
    /// attribute. That record, and the one in the provenance sidecar beside the file, agree too without their times
    /// (started, written, inputs' modification), host and SLURM job. The local build's names no job; the SLURM
    /// build's names <paramref name="expectedJob"/> (the array job and the task = slice).
    /// </summary>
    private static void AssertSameCorrected(PipelineBuild local, PipelineBuild slurm, int slice, string expectedJob)
    {
        var file = $"slices/{slice:00}/corrected.h5";
        var (localPath, slurmPath) = (local.Artifact(file), slurm.Artifact(file));
        var localContents = Contents(local, localPath);
        var slurmContents = Contents(slurm, slurmPath);
        Assert.Equal(1, localContents.RemoveAll(IsProvenance));
        Assert.Equal(1, slurmContents.RemoveAll(IsProvenance));
        Assert.Contains(localContents, line => !line.Contains('@', StringComparison.Ordinal)); // datasets, not only attributes
        Assert.Equal(localContents, slurmContents);

        var (localFields, localJob) = Provenance(local, Attribute(localPath));
        var (slurmFields, slurmJob) = Provenance(slurm, Attribute(slurmPath));
        Assert.Equal(localFields, slurmFields);
        Assert.Null(localJob);
        Assert.Equal(expectedJob, slurmJob);

        // The sidecar beside it holds the same record.
        var (localSidecar, localSidecarJob) = Provenance(local, File.ReadAllBytes(localPath + ".provenance.json"));
        var (slurmSidecar, slurmSidecarJob) = Provenance(slurm, File.ReadAllBytes(slurmPath + ".provenance.json"));
        Assert.Equal(localFields, localSidecar);
        Assert.Equal(slurmFields, slurmSidecar);
        Assert.Null(localSidecarJob);
        Assert.Equal(expectedJob, slurmSidecarJob);
    }

    /// <summary>The file's objects and values (<see cref="ScanSnapshot.Hdf5Contents"/>), the build's root as &lt;root&gt;
    /// (attributes name the raw files read, under each build's own temporary folder).</summary>
    private static List<string> Contents(PipelineBuild build, string path) =>
        [.. ScanSnapshot.Hdf5Contents(path).Select(line => line.Replace(build.Root, "<root>", StringComparison.Ordinal))];

    private static bool IsProvenance(string line) => line.StartsWith("/@provenance = ", StringComparison.Ordinal);

    /// <summary>The root's provenance attribute (the record as JSON).</summary>
    private static byte[] Attribute(string path)
    {
        using var file = Hdf5File.Open(path);
        var record = file.StringAttribute("/", "provenance");
        Assert.NotNull(record);
        return Encoding.UTF8.GetBytes(record);
    }

    /// <summary>A provenance record without times, host and job (<see cref="SlurmBuild.Provenance"/>), the build's root as &lt;root&gt;.</summary>
    private static (string Fields, string? Job) Provenance(PipelineBuild build, byte[] json)
    {
        var (fields, job) = SlurmBuild.Provenance(json);
        return (fields.Replace(build.Root, "<root>", StringComparison.Ordinal), job);
    }
}
