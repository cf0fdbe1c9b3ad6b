namespace TomoSaxs.Pipeline;

/// <summary>The stage declarations are inconsistent (a bug in the .targets files, not in the scan).</summary>
public sealed class StageGraphException : Exception
{
    /// <summary>Creates the exception with at least one problem.</summary>
    public StageGraphException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("A StageGraphException needs at least one problem.", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
