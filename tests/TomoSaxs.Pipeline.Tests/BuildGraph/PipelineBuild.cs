using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests.BuildGraph;

/// <summary>
/// Runs the real <c>build.sh</c> of this checkout on a scan in a temporary folder: TOMOSAXS_SCANS_ROOT and
/// TOMOSAXS_ARTIFACTS_ROOT point into the folder, and TOMOSAXS_EXTRA_TARGETS imports the test stages (Seed, Stripe)
/// into the real entry project. Everything else — BuildTasks, PrepareScan, the fan-out, TaskHostFactory — is the
/// product's own machinery.
/// </summary>
internal sealed class PipelineBuild : IDisposable
{
    public const string ScanName = "demo";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private readonly TemporaryDirectory temp = new();

    public PipelineBuild(string? yaml = null) => TestScans.Write(ScanFolder, yaml ?? TestScans.Yaml());

    /// <summary>The temporary folder holding scans/ and artifacts/.</summary>
    public string Root => temp.Path;

    public string ScanFolder => Path.Combine(Root, "scans", ScanName);

    public string ScanYaml => Path.Combine(ScanFolder, "scan.yaml");

    public string Artifacts => Path.Combine(Root, "artifacts", ScanName);

    /// <summary>Extra environment for the builds (stage delay, progress interval, property overrides).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Start build.sh with SIGINT, SIGTERM and SIGHUP at their defaults, so that a test can signal it whatever the
    /// test host inherited (a script that ignores SIGINT on entry cannot trap it).
    /// </summary>
    public bool DefaultSignals { get; init; }

    /// <summary>A file under the scan's artefacts.</summary>
    public string Artifact(string relative) => Path.Combine(Artifacts, relative);

    /// <summary>Runs <c>build.sh</c> with <paramref name="arguments"/> and <c>--scan demo</c> to the end.</summary>
    public BuildResult Run(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = CollectOutput(process);
        if (!process.WaitForExit(Timeout))
        {
            KillGroup(process);
            Assert.Fail($"build.sh {string.Join(' ', arguments)} did not finish within {Timeout}:\n{output}");
        }

        process.WaitForExit();
        return new BuildResult(process.ExitCode, output.ToString());
    }

    /// <summary>
    /// Starts <c>build.sh</c> in a process group of its own (so that <see cref="KillGroup"/> reaches MSBuild's nodes
    /// and task hosts too, as a scheduler killing a job would); the caller reads its output or kills it.
    /// </summary>
    public Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        if (DefaultSignals)
        {
            start.ArgumentList.Add("env");
            start.ArgumentList.Add("--default-signal=INT,TERM,HUP");
        }

        start.ArgumentList.Add("bash");
        start.ArgumentList.Add(Path.Combine(SharedData.RepositoryRoot, "build.sh"));
        foreach (var argument in arguments.Contains("--scan") ? arguments : [.. arguments, "--scan", ScanName])
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`, whose MSBuild variables would steer the inner build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["TOMOSAXS_SCANS_ROOT"] = Path.Combine(Root, "scans");
        start.Environment["TOMOSAXS_ARTIFACTS_ROOT"] = Path.Combine(Root, "artifacts");
        start.Environment["TOMOSAXS_EXTRA_TARGETS"] = Path.Combine(AppContext.BaseDirectory, "TestStages.targets");
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("setsid did not start.");
    }

    /// <summary>Collects stdout and stderr of <paramref name="process"/> as they arrive.</summary>
    public static StringBuilder CollectOutput(Process process)
    {
        var output = new StringBuilder();
        void Append(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    /// <summary>SIGKILLs every process of the build's group and waits until they are gone.</summary>
    public static void KillGroup(Process process)
    {
        // setsid made the build's first process the leader of a new group whose id is its pid.
        using (var kill = Process.Start("kill", ["-KILL", "--", $"-{process.Id}"]))
        {
            kill.WaitForExit();
        }

        process.WaitForExit();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (GroupAlive(process.Id) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Assert.False(GroupAlive(process.Id), $"processes of group {process.Id} survived SIGKILL");
    }

    /// <summary>Path, size, modification time and hash of every file under the temporary folder.</summary>
    public IReadOnlyDictionary<string, FileState> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(
                path => Path.GetRelativePath(Root, path).Replace('\\', '/'),
                path => new FileState(new FileInfo(path).Length, File.GetLastWriteTimeUtc(path), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))));

    /// <summary>The files that appeared, disappeared or changed (content or time) between two snapshots.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, FileState> before, IReadOnlyDictionary<string, FileState> after) =>
        before.Keys.Union(after.Keys)
            .Where(path => !before.TryGetValue(path, out var was) || !after.TryGetValue(path, out var now) || was != now)
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose() => temp.Dispose();

    private static bool GroupAlive(int group)
    {
        // setsid made the group a session of its own, which ps selects with -s. It lists zombies too; a zombie has
        // finished and only waits for its parent, so it does not count.
        using var ps = Process.Start(new ProcessStartInfo("ps", ["-o", "stat=", "-s", group.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var states = ps.StandardOutput.ReadToEnd();
        ps.WaitForExit();
        return states.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(state => !state.StartsWith('Z'));
    }
}

/// <summary>What a build printed and how it ended.</summary>
internal sealed record BuildResult(int ExitCode, string Output)
{
    public BuildResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"the build failed with exit code {ExitCode}:\n{Output}");
        return this;
    }
}

/// <summary>One file in a <see cref="PipelineBuild.Snapshot"/>.</summary>
internal sealed record FileState(long Size, DateTime ModifiedUtc, string Sha256);
