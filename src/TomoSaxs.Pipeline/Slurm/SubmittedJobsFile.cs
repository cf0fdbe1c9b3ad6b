using TomoSaxs.Formats;

namespace TomoSaxs.Pipeline;

/// <summary>
/// The list of SLURM jobs a build has submitted and not yet seen end, one job id per line, in a file the build's
/// entry script (build.sh) chose. MSBuild does not always wait for a task host to finish cancelling: interrupted while
/// a fan-out waits inside a child project, it can exit and take the task host with it before scancel has run. The
/// entry script therefore cancels whatever is still listed once MSBuild has exited, so an interrupted build never
/// leaves its jobs behind, and never touches anyone else's.
/// </summary>
public sealed class SubmittedJobsFile
{
    private static readonly Lock Gate = new();

    /// <summary>The list kept in <paramref name="path"/>.</summary>
    public SubmittedJobsFile(string path) => Path = System.IO.Path.GetFullPath(path);

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The job ids listed now.</summary>
    public IReadOnlyList<string> Read() =>
        File.Exists(Path)
            ? File.ReadAllLines(Path).Select(line => line.Trim()).Where(line => line.Length > 0).ToList()
            : [];

    /// <summary>Lists <paramref name="jobId"/> (right after sbatch returned it).</summary>
    public void Add(string jobId) => Update(ids => ids.Append(jobId));

    /// <summary>Drops <paramref name="jobId"/> (every task has ended, or it was cancelled).</summary>
    public void Remove(string jobId) => Update(ids => ids.Where(id => id != jobId));

    private void Update(Func<IEnumerable<string>, IEnumerable<string>> change)
    {
        lock (Gate)
        {
            var ids = change(Read()).Distinct(StringComparer.Ordinal).ToList();
            // Renamed into place, so the entry script never reads half a list.
            AtomicFile.Write(Path, temporary => File.WriteAllLines(temporary, ids));
        }
    }
}
