using Microsoft.Build.Utilities;
using TomoSaxs.Pipeline;
using TomoSaxs.Scan;

namespace TomoSaxs.Tasks;

/// <summary>
/// Turns the library's exceptions into MSBuild errors: one error per scan problem, placed at its file, line and
/// column (so editors and CI logs point at the line in scan.yaml), one per stage-declaration problem.
/// </summary>
internal static class ProblemLog
{
    /// <summary>Logs <paramref name="error"/> as errors and returns true when it is one the library reports for users.</summary>
    public static bool TryLog(TaskLoggingHelper log, Exception error)
    {
        switch (error)
        {
            case ScanDefinitionException scan:
                foreach (var problem in scan.Problems)
                {
                    var message = problem.KeyPath.Length == 0 ? problem.Message : $"{problem.KeyPath}: {problem.Message}";
                    log.LogError(null, null, null, problem.Source, problem.Line ?? 0, problem.Column ?? 0, 0, 0, message);
                }

                return true;
            case StageGraphException graph:
                foreach (var problem in graph.Problems)
                {
                    log.LogError("Stage declarations: " + problem);
                }

                return true;
            default:
                return false;
        }
    }
}
