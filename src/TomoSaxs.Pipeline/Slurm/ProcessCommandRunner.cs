using System.Diagnostics;

namespace TomoSaxs.Pipeline;

/// <summary>Runs programs as child processes, found on PATH, each with a time limit.</summary>
public sealed class ProcessCommandRunner : ICommandRunner
{
    /// <summary>A runner whose commands may take up to <paramref name="timeout"/> (default two minutes).</summary>
    public ProcessCommandRunner(TimeSpan? timeout = null) => Timeout = timeout ?? TimeSpan.FromMinutes(2);

    /// <summary>How long one command may take before it is killed and reported as hanging.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public string? Locate(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(candidate => File.Exists(candidate) && IsExecutable(candidate));
    }

    /// <inheritdoc />
    public CommandResult Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"{program} could not be started: {error.Message}", error);
        }

        using (process)
        {
            process.StandardInput.Close();
            // Both streams are read at once: a program filling one pipe while we wait on the other would never end.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException(
                    $"{program} {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds:0} s (is the SLURM controller reachable?).");
            }

            process.WaitForExit();
            return new CommandResult(process.ExitCode, output.Result, error.Result);
        }
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows() ||
        (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
