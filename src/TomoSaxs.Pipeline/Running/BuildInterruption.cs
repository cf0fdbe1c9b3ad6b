using System.Globalization;
using System.Runtime.InteropServices;

namespace TomoSaxs.Pipeline;

/// <summary>
/// Tells long-waiting work (the SLURM executor waiting for its jobs) that the build is being interrupted, whichever
/// way that reaches the process it runs in:
/// <list type="bullet">
/// <item>MSBuild's own cancellation (Ctrl-C, or SIGINT to MSBuild or to build.sh, which forwards SIGTERM the same
/// way): an MSBuild task passes it on with <see cref="Request"/> from <c>ICancelableTask.Cancel</c>;</item>
/// <item>SIGINT, SIGTERM or SIGHUP sent to this process itself (a whole process group being stopped), which
/// otherwise ends a .NET process before it can clean up;</item>
/// <item>the process that started this one ending (MSBuild killed outright leaves its task hosts running):
/// checked every second on Linux by watching the parent process id change.</item>
/// </list>
/// The first cause is kept as <see cref="Reason"/>.
/// </summary>
public sealed class BuildInterruption : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly List<PosixSignalRegistration> signals = [];
    private readonly Timer? parentWatch;
    private readonly int? parent;
    private string? reason;

    /// <summary>Starts listening; <paramref name="watchProcess"/> = false leaves signals and the parent alone (unit tests).</summary>
    public BuildInterruption(bool watchProcess = true)
    {
        if (!watchProcess)
        {
            return;
        }

        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            try
            {
                signals.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    // Keep the process alive long enough to cancel what it started; the work returns promptly.
                    context.Cancel = true;
                    Request($"{context.Signal} received");
                }));
            }
            catch (PlatformNotSupportedException)
            {
                // Windows has no SIGHUP/SIGTERM registration; MSBuild's own cancellation still arrives through Request.
            }
        }

        parent = ParentProcessId();
        if (parent is not null)
        {
            parentWatch = new Timer(_ => CheckParent(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Cancelled once the build is interrupted.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>Why the build was interrupted, or null while it is not.</summary>
    public string? Reason => Volatile.Read(ref reason);

    /// <summary>Interrupts, saying why (the first reason given is kept). Cheap and safe to call many times and from any thread.</summary>
    public void Request(string why)
    {
        Interlocked.CompareExchange(ref reason, why, null);
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed: the work has already returned.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        parentWatch?.Dispose();
        foreach (var registration in signals)
        {
            registration.Dispose();
        }

        source.Dispose();
    }

    private void CheckParent()
    {
        if (ParentProcessId() is { } now && now != parent)
        {
            Request("the build process that started this one has ended");
        }
    }

    /// <summary>The parent process id from /proc/self/stat (Linux), or null where there is no such file.</summary>
    private static int? ParentProcessId()
    {
        try
        {
            // Format: "pid (command) state ppid ..."; the command may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
