using System.Globalization;
using Xunit.Abstractions;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>The private cluster the SLURM tests run on: installed, configured, started and stopped as described.</summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmClusterHarnessTests(SlurmClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void The_cluster_is_configured_as_described_and_runs_jobs()
    {
        output.WriteLine(fixture.Installation);
        var cluster = fixture.Cluster;

        var config = cluster.Run("scontrol", "show", "config").Output;
        Assert.Matches(@"ProctrackType\s+= proctrack/linuxproc", config);
        Assert.Matches(@"TaskPlugin\s+= task/none", config);
        Assert.Matches(@"SlurmUser\s+= root\(0\)", config);
        Assert.Matches(@"AccountingStorageType\s+= accounting_storage/none", config);
        Assert.Matches(@"ClusterName\s+= tomosaxs-tests", config);

        // One node named after this host, with this machine's CPUs, idle in the one partition.
        var node = cluster.Run("scontrol", "show", "node", "--oneliner").Output;
        Assert.StartsWith($"NodeName={System.Net.Dns.GetHostName().Split('.')[0]} ", node, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"CPUTot={Environment.ProcessorCount} "), node, StringComparison.Ordinal);
        Assert.Matches(@"RealMemory=[1-9]\d* ", node);
        Assert.Equal($"{SlurmCluster.Partition}* up idle", cluster.Run("sinfo", "--noheader", "--format=%P %a %T").Output.Trim());

        // The daemons are the harness's own child processes.
        Assert.Equal(["munged", "slurmctld", "slurmd"], cluster.ProcessIds.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, pid) in cluster.ProcessIds)
        {
            Assert.Equal(name, File.ReadAllText($"/proc/{pid}/comm").Trim());
        }

        var job = cluster.Run("sbatch", "--wait", "--output=/dev/null", "--wrap", "true");
        Assert.True(job.Succeeded, job.Message);
    }

    [Fact]
    public void Another_private_cluster_starts_and_stops_its_own_processes_only()
    {
        var shared = fixture.Cluster.ProcessIds;
        IReadOnlyDictionary<string, int> own;
        using (var other = SlurmCluster.Start())
        {
            own = other.ProcessIds;
            Assert.Empty(own.Values.Intersect(shared.Values));
            Assert.All(own.Values, pid => Assert.True(Directory.Exists($"/proc/{pid}"), $"process {pid} is not running"));
        }

        Assert.All(own.Values, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} outlived its cluster"));
        Assert.All(shared.Values, pid => Assert.True(Directory.Exists($"/proc/{pid}"), $"the shared cluster's process {pid} was stopped"));
        Assert.Equal("idle", fixture.Cluster.Run("sinfo", "--noheader", "--format=%T").Output.Trim());
    }
}
