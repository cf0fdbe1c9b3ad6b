using TomoSaxs.Pipeline.Tests.BuildGraph;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>
/// The SLURM executor's tests share one private cluster and run one after another (never beside each other or the
/// build-graph tests): their builds and the cluster's jobs compete for the same two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SlurmCollection : ICollectionFixture<TaskAssemblyFixture>, ICollectionFixture<SlurmClusterFixture>
{
    public const string Name = "slurm";
}

/// <summary>Installs the SLURM packages when missing and runs the private cluster for the whole collection.</summary>
public sealed class SlurmClusterFixture : IDisposable
{
    public SlurmClusterFixture()
    {
        Installation = SlurmPackages.EnsureInstalled();
        Cluster = SlurmCluster.Start();
    }

    /// <summary>What the harness found or installed.</summary>
    public string Installation { get; }

    internal SlurmCluster Cluster { get; }

    public void Dispose() => Cluster.Dispose();
}
