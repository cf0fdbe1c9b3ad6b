namespace TomoSaxs.Scan;

/// <summary>
/// A scan definition (scan.yaml plus <c>--set</c> overrides) is invalid. Carries every problem found, each naming
/// the file, the key path and what was expected; the message lists them all, one per line.
/// </summary>
public sealed class ScanDefinitionException : Exception
{
    /// <summary>Creates the exception for <paramref name="definitionFile"/> with at least one problem.</summary>
    public ScanDefinitionException(string definitionFile, IReadOnlyList<ScanProblem> problems)
        : base(Compose(definitionFile, problems))
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("A ScanDefinitionException needs at least one problem.", nameof(problems));
        }

        DefinitionFile = definitionFile;
        Problems = problems;
    }

    /// <summary>The scan.yaml that was being loaded.</summary>
    public string DefinitionFile { get; }

    /// <summary>Every problem found, in file order; command-line problems last.</summary>
    public IReadOnlyList<ScanProblem> Problems { get; }

    private static string Compose(string definitionFile, IReadOnlyList<ScanProblem> problems)
    {
        var heading = problems.Count == 1
            ? $"The scan definition {definitionFile} has a problem:"
            : $"The scan definition {definitionFile} has {problems.Count} problems:";
        return heading + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
