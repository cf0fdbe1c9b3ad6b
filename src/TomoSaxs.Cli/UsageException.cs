namespace TomoSaxs.Cli;

/// <summary>The command line is well-formed but its options do not fit together (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
