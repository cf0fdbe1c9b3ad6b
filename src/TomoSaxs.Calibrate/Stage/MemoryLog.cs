using System.Diagnostics;
using System.Globalization;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>
/// Memory checkpoints for profiling the stage on large CTs: when the environment variable
/// <c>TOMOSAXS_MEMORY_LOG</c> is set (to anything but empty or 0), each checkpoint logs the managed heap, the
/// process's working set and its peak so far, so the step that raised the peak is the first whose peak grew.
/// Off, a checkpoint costs one environment lookup.
/// </summary>
internal static class MemoryLog
{
    /// <summary>The environment variable that turns the checkpoints on.</summary>
    public const string Variable = "TOMOSAXS_MEMORY_LOG";

    private const double Mb = 1024 * 1024;

    /// <summary>Whether checkpoints are logged.</summary>
    public static bool Enabled =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && value != "0";

    /// <summary>Logs the memory after <paramref name="step"/> when <see cref="Enabled"/>.</summary>
    public static void Checkpoint(Action<string> log, string step)
    {
        if (!Enabled)
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        log(string.Create(CultureInfo.InvariantCulture,
            $"memory after {step}: managed {GC.GetTotalMemory(false) / Mb:F0} MB (heap {info.HeapSizeBytes / Mb:F0} MB, " +
            $"committed {info.TotalCommittedBytes / Mb:F0} MB), working set {process.WorkingSet64 / Mb:F0} MB, peak {process.PeakWorkingSet64 / Mb:F0} MB"));
    }
}
