namespace TomoSaxs.Pipeline;

/// <summary>How a command-line program ended and what it printed.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>True for exit code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Standard error, or standard output when that is empty, trimmed: what to quote in a message.</summary>
    public string Message => (Error.Trim().Length > 0 ? Error : Output).Trim();
}
