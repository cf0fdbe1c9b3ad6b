using System.Reflection;

namespace TomoSaxs.Pipeline;

/// <summary>The pipeline's name, version and source commit as recorded in provenance.</summary>
/// <param name="Name">The tool name.</param>
/// <param name="Version">The assembly's informational version.</param>
/// <param name="GitCommit">The commit of the checkout the tool runs from, or "unknown".</param>
public sealed record ToolIdentity(string Name, string Version, string GitCommit)
{
    private static readonly Lazy<ToolIdentity> CurrentIdentity = new(Discover);

    /// <summary>This process's pipeline, found once.</summary>
    public static ToolIdentity Current => CurrentIdentity.Value;

    private static ToolIdentity Discover()
    {
        var assembly = typeof(ToolIdentity).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? assembly.GetName().Version?.ToString() ?? "unknown";
        // The tool is built from the checkout it lives in (.tools/ or a bin folder below the repository).
        var location = assembly.Location.Length > 0 ? assembly.Location : AppContext.BaseDirectory;
        var commit = GitCheckout.HeadCommit(location) ?? GitCheckout.HeadCommit(Environment.CurrentDirectory) ?? "unknown";
        return new ToolIdentity("TomoSaxs.Pipeline", version, commit);
    }
}
