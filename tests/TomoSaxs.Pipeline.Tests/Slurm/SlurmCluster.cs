using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>
/// A private single-node SLURM cluster on this machine, for the executor's tests: its own munge key and munged
/// socket, a slurm.conf (proctrack/linuxproc, task/none, no accounting, one node named after this host with the CPUs
/// and memory <c>slurmd -C</c> reports, one partition), state and spool folders, ports and logs, all in a temporary
/// folder. munged, slurmctld and slurmd run in the foreground as child processes; <see cref="Dispose"/> cancels
/// whatever is still queued on this cluster and stops exactly those three processes by their ids. SLURM's client
/// programs reach this cluster (and no other) through <c>SLURM_CONF</c> = <see cref="ConfigFile"/>.
/// </summary>
internal sealed class SlurmCluster : IDisposable
{
    /// <summary>The partition every job goes to by default.</summary>
    public const string Partition = "tomosaxs";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly TemporaryDirectory folder = new();
    private readonly List<(string Name, Process Process)> daemons = [];

    private SlurmCluster()
    {
    }

    /// <summary>The slurm.conf; clients find the cluster through SLURM_CONF pointing here.</summary>
    public string ConfigFile => folder.File("slurm.conf");

    /// <summary>The node's name: this host's, as slurmd reports it.</summary>
    public string NodeName { get; private set; } = "";

    /// <summary>The process ids of munged, slurmctld and slurmd.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds => daemons.ToDictionary(d => d.Name, d => d.Process.Id);

    /// <summary>The environment a client or a build needs to use this cluster.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string> { ["SLURM_CONF"] = ConfigFile };

    /// <summary>Writes the configuration, starts the daemons and waits until the node is idle.</summary>
    public static SlurmCluster Start()
    {
        var cluster = new SlurmCluster();
        try
        {
            cluster.Configure();
            cluster.StartDaemons();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Runs a SLURM client program against this cluster.</summary>
    public CommandResult Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(SlurmPackages.Locate(program) ?? program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["SLURM_CONF"] = ConfigFile;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            Assert.Fail($"{program} {string.Join(' ', arguments)} hung:\n{Logs()}");
        }

        process.WaitForExit();
        return new CommandResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The job ids (array tasks as <c>123_4</c>) in this cluster's queue.</summary>
    public IReadOnlyList<string> QueuedJobs() =>
        Run("squeue", "--noheader", "--array", "--format=%i").Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The last lines of every daemon log, for failure messages.</summary>
    public string Logs() =>
        string.Join("\n", Directory.GetFiles(folder.File("log")).Order(StringComparer.Ordinal).Select(log =>
            $"--- {Path.GetFileName(log)}\n{string.Join('\n', ReadShared(log).Split('\n').TakeLast(15))}"));

    /// <summary>Cancels whatever is queued here, then stops slurmd, slurmctld and munged by process id.</summary>
    public void Dispose()
    {
        try
        {
            if (daemons.Count == 3 && !daemons.Any(d => d.Process.HasExited))
            {
                // Jobs' processes belong to slurmstepd, which outlives slurmd; cancel them first so nothing is left running.
                var jobs = QueuedJobs();
                if (jobs.Count > 0)
                {
                    Run("scancel", [.. jobs]);
                    WaitUntil(() => QueuedJobs().Count == 0, TimeSpan.FromSeconds(30));
                }
            }
        }
        finally
        {
            // slurmd and slurmctld before munged, whose socket they use until they stop.
            foreach (var (_, daemon) in Enumerable.Reverse(daemons))
            {
                Stop(daemon);
            }

            daemons.Clear();
            folder.Dispose();
        }
    }

    private void Configure()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The private SLURM cluster of the tests runs on Linux (Debian packages slurm-wlm, munge).");
        }

        foreach (var sub in new[] { "munge", "state", "spool", "log" })
        {
            Directory.CreateDirectory(folder.File(sub));
        }

        // munged insists that everyone may reach its socket's folder but nobody else may read the key.
        File.SetUnixFileMode(folder.Path, (UnixFileMode)Convert.ToInt32("755", 8));
        File.SetUnixFileMode(folder.File("munge"), (UnixFileMode)Convert.ToInt32("755", 8));
        File.WriteAllBytes(folder.File("munge/munge.key"), RandomNumberGenerator.GetBytes(128));
        File.SetUnixFileMode(folder.File("munge/munge.key"), UnixFileMode.UserRead);

        // slurmd -C prints this host's node line: NodeName=… CPUs=… Boards=… SocketsPerBoard=… … RealMemory=….
        var hardware = Run("slurmd", "-C").Output.Split('\n')[0].Trim();
        Assert.StartsWith("NodeName=", hardware, StringComparison.Ordinal);
        NodeName = hardware.Split(' ')[0]["NodeName=".Length..];
        var (controllerPort, nodePort) = (FreePort(), FreePort());
        var conf = new StringBuilder()
            .AppendLine("# Private single-node cluster of the TomoSaxs SLURM tests (tests/TomoSaxs.Pipeline.Tests/Slurm/SlurmCluster.cs).")
            .AppendLine("ClusterName=tomosaxs-tests")
            .AppendLine($"SlurmctldHost={NodeName}(127.0.0.1)")
            .AppendLine(CultureInfo.InvariantCulture, $"SlurmctldPort={controllerPort}")
            .AppendLine(CultureInfo.InvariantCulture, $"SlurmdPort={nodePort}")
            .AppendLine("SlurmUser=root")
            .AppendLine("SlurmdUser=root")
            .AppendLine("AuthType=auth/munge")
            .AppendLine("CredType=cred/munge")
            .AppendLine($"AuthInfo=socket={folder.File("munge/munge.socket")}")
            .AppendLine("ProctrackType=proctrack/linuxproc")
            .AppendLine("TaskPlugin=task/none")
            .AppendLine("JobAcctGatherType=jobacct_gather/none")
            .AppendLine("AccountingStorageType=accounting_storage/none")
            .AppendLine("MpiDefault=none")
            .AppendLine("SchedulerType=sched/backfill")
            .AppendLine("SelectType=select/cons_tres")
            .AppendLine("SelectTypeParameters=CR_Core")
            .AppendLine("ReturnToService=2")
            .AppendLine("KillWait=5")
            .AppendLine($"StateSaveLocation={folder.File("state")}")
            .AppendLine($"SlurmdSpoolDir={folder.File("spool")}")
            .AppendLine($"SlurmctldPidFile={folder.File("slurmctld.pid")}")
            .AppendLine($"SlurmdPidFile={folder.File("slurmd.pid")}")
            .AppendLine($"SlurmctldLogFile={folder.File("log/slurmctld.log")}")
            .AppendLine($"SlurmdLogFile={folder.File("log/slurmd.log")}")
            .AppendLine($"{hardware} NodeAddr=127.0.0.1 State=UNKNOWN")
            .AppendLine($"PartitionName={Partition} Nodes={NodeName} Default=YES MaxTime=INFINITE State=UP");
        File.WriteAllText(ConfigFile, conf.ToString());
    }

    private void StartDaemons()
    {
        var socket = folder.File("munge/munge.socket");
        StartDaemon("munged", "--foreground", $"--socket={socket}", $"--key-file={folder.File("munge/munge.key")}",
            $"--pid-file={folder.File("munge/munged.pid")}", $"--seed-file={folder.File("munge/munged.seed")}");
        WaitUntil(() => File.Exists(socket), StartTimeout, "munged to create its socket");
        StartDaemon("slurmctld", "-D", "-f", ConfigFile);
        StartDaemon("slurmd", "-D", "-f", ConfigFile);
        WaitUntil(() => Run("sinfo", "--noheader", "--format=%T").Output.Trim() == "idle", StartTimeout, "the node to be idle");
    }

    /// <summary>
    /// Starts <paramref name="program"/> in the foreground with its output in log/, through `bash -c exec` so that the
    /// process started is the daemon itself: its id is the one to stop.
    /// </summary>
    private void StartDaemon(string program, params string[] arguments)
    {
        var path = SlurmPackages.Locate(program) ?? throw new InvalidOperationException($"{program} is not installed.");
        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec \"$0\" \"$@\" >>'{folder.File($"log/{program}.out")}' 2>&1 </dev/null");
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SLURM_CONF"] = ConfigFile;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        daemons.Add((program, process));
        Thread.Sleep(100);
        if (process.HasExited)
        {
            Assert.Fail($"{program} exited at once (exit code {process.ExitCode}):\n{Logs()}");
        }
    }

    private void WaitUntil(Func<bool> condition, TimeSpan timeout, string? what = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds:0} s waiting for {what ?? "the queue to empty"}:\n{Logs()}");
            }

            Thread.Sleep(200);
        }
    }

    private static void Stop(Process daemon)
    {
        using (daemon)
        {
            if (daemon.HasExited)
            {
                return;
            }

            using (var term = Process.Start("kill", ["-TERM", daemon.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                term.WaitForExit();
            }

            if (!daemon.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                daemon.Kill();
                daemon.WaitForExit();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
