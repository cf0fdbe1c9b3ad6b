namespace TomoSaxs.Pipeline.Tests.BuildGraph;

/// <summary>
/// The build-graph tests run one after another, after the other tests: each starts MSBuild with its own nodes, and
/// on a two-core machine they would otherwise compete for the cores their timings depend on.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BuildGraphCollection : ICollectionFixture<TaskAssemblyFixture>
{
    public const string Name = "build graph";
}

/// <summary>
/// Builds the task assembly once (the BuildTasks target of the first build), so that the first test is timed like
/// the others. A fresh checkout's first ./build.sh does the same.
/// </summary>
public sealed class TaskAssemblyFixture
{
    public TaskAssemblyFixture()
    {
        using var build = new PipelineBuild();
        build.Run("Seed").Succeeded();
    }
}
