using System.Diagnostics;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>
/// Makes sure the Debian packages of a single-node SLURM cluster are installed (slurm-wlm: slurmctld, slurmd and the
/// client programs; munge: authentication), installing them with apt-get when any program is missing. .ci/run does
/// the same before the tests; this lets a developer's `dotnet test` work on a fresh Debian machine too (as root).
/// </summary>
internal static class SlurmPackages
{
    /// <summary>The programs the tests need.</summary>
    public static readonly string[] Programs = ["slurmctld", "slurmd", "munged", "sbatch", "squeue", "scontrol", "scancel", "sinfo"];

    private static readonly Lock Gate = new();

    /// <summary>Installs the packages if a program is missing; returns what was done, for the test output.</summary>
    public static string EnsureInstalled()
    {
        lock (Gate)
        {
            var missing = Programs.Where(program => Locate(program) is null).ToList();
            if (missing.Count == 0)
            {
                return "slurm-wlm and munge are installed";
            }

            Run("apt-get", "update", "-qq");
            Run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "slurm-wlm", "munge");
            var still = Programs.Where(program => Locate(program) is null).ToList();
            Assert.True(still.Count == 0, $"after installing slurm-wlm and munge, still not found: {string.Join(", ", still)}");
            return $"installed slurm-wlm and munge (missing were: {string.Join(", ", missing)})";
        }
    }

    /// <summary>The full path of <paramref name="program"/> on PATH or in the sbin folders (daemons live there), or null.</summary>
    public static string? Locate(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin"])
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), $"{program} {string.Join(' ', arguments)} did not finish in 10 minutes");
        Assert.True(process.ExitCode == 0,
            $"{program} {string.Join(' ', arguments)} failed (exit code {process.ExitCode}; the SLURM tests install packages as root):\n{output.Result}{error.Result}");
    }
}
