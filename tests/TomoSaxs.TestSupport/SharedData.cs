namespace TomoSaxs.TestSupport;

/// <summary>
/// Locates the read-only <c>shared/</c> folder (golden results and fixtures) that sits beside the
/// repository checkout. Tests read it in place and never write to it.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The absolute path of <c>shared/</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The absolute path of a file or folder below <c>shared/</c>.</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The repository root (the folder holding <c>TomoSaxs.Pipeline.sln</c>).</summary>
    public static string RepositoryRoot => RepositoryRootPath.Value;

    private static readonly Lazy<string> RepositoryRootPath = new(FindRepositoryRoot);

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TOMOSAXS_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? System.IO.Path.GetFullPath(fromEnvironment)
                : throw new DirectoryNotFoundException($"TOMOSAXS_SHARED points to '{fromEnvironment}', which does not exist.");
        }

        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate)
            ? candidate
            : throw new DirectoryNotFoundException(
                $"The shared golden data folder was not found at '{candidate}' (expected beside the checkout). " +
                "Set TOMOSAXS_SHARED to its location.");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TomoSaxs.Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above '{AppContext.BaseDirectory}' holds TomoSaxs.Pipeline.sln.");
    }
}
