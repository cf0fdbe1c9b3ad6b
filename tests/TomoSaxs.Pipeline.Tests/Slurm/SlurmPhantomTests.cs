using TomoSaxs.Phantom.Tests;
using TomoSaxs.Pipeline.Tests.BuildGraph;
using TomoSaxs.Pipeline.Tests.Phantom;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>
/// What `--executor slurm` builds, and what it submits on the next run, for ./build.sh Phantom on the phantom tests'
/// tiny scan (2 slices): PhantomSlice runs as a job array, PhantomScanLevel and PhantomAssemble locally.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmPhantomTests(SlurmClusterFixture fixture)
{
    [Fact]
    public void Phantom_on_slurm_gives_the_same_data_as_local_and_a_second_run_submits_nothing()
    {
        using var local = PhantomBuild.Create();
        using var slurm = PhantomBuild.Create().PointedAt(fixture.Cluster);

        local.Run("Phantom", "--executor", "local").Succeeded();
        var run = slurm.Run("Phantom", "--executor", "slurm").Succeeded();

        var jobs = SlurmBuild.JobIds(run.Output, "PhantomSlice");
        Assert.True(jobs.Count == 1, $"expected one PhantomSlice job array, found {jobs.Count}:\n{run.Output}");
        var job = jobs[0];
        Assert.Equal("0-1", SlurmBuild.ArraySpec(slurm, "PhantomSlice"));
        Assert.Equal(2, Directory.GetFiles(slurm.Artifact("phantom/parts"), "*.h5").Length);

        // Every HDF5 dataset and attribute, TIFF slice, workbook row and text file.
        ScanSnapshot.AssertSame(local.Raw(""), slurm.Raw(""));
        ScanSnapshot.AssertSame(local.Truth(), slurm.Truth());
        ScanSnapshot.AssertSame(local.Artifact("phantom/parts"), slurm.Artifact("phantom/parts"));

        // Each slice was built by its own array task (<array job>_<task id = slice>), which logged there.
        foreach (var slice in new[] { 0, 1 })
        {
            Assert.True(File.Exists(slurm.Artifact($"slurm/logs/PhantomSlice_{job}_{slice}.log")), $"no log for slice {slice}");
        }

        // The provenance sidecars (PhantomSlice's parts have none; the scan-level manifest's) agree but for time, host
        // and job, and name no job: only PhantomSlice ran on SLURM.
        var localRecords = Sidecars(local);
        var slurmRecords = Sidecars(slurm);
        Assert.Equal(localRecords.Keys, slurmRecords.Keys);
        Assert.NotEmpty(localRecords);
        foreach (var (file, record) in localRecords)
        {
            var (localFields, localJob) = SlurmBuild.Provenance(record);
            var (slurmFields, slurmJob) = SlurmBuild.Provenance(slurmRecords[file]);
            Assert.Equal(localFields.Replace(local.Root, "<root>", StringComparison.Ordinal), slurmFields.Replace(slurm.Root, "<root>", StringComparison.Ordinal));
            Assert.Null(localJob);
            Assert.Null(slurmJob);
        }

        Assert.Empty(fixture.Cluster.QueuedJobs());

        var before = slurm.Snapshot();
        var again = slurm.Run("Phantom", "--executor", "slurm").Succeeded();

        Assert.Contains("PhantomSlice: all 2 selected slices are up to date; nothing submitted to SLURM.", again.Output, StringComparison.Ordinal);
        Assert.Empty(SlurmBuild.JobIds(again.Output, "PhantomSlice"));
        Assert.Empty(PipelineBuild.Changed(before, slurm.Snapshot()));
    }

    /// <summary>Every provenance sidecar under the build's root, by path relative to it.</summary>
    private static Dictionary<string, byte[]> Sidecars(PipelineBuild build) =>
        Directory.EnumerateFiles(build.Root, "*.provenance.json", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(build.Root, file).Replace('\\', '/'), File.ReadAllBytes);
}
