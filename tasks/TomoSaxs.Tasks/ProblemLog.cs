using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using TomoSaxs.Pipeline;
using TomoSaxs.Scan;

namespace TomoSaxs.Tasks;

/// <summary>
/// Turns exceptions into MSBuild errors: one error per scan problem, placed at its file, line and column (so editors
/// and CI logs point at the line in scan.yaml), one per stage-declaration problem, one for anything else.
/// </summary>
internal static class ProblemLog
{
    /// <summary>
    /// Logs <paramref name="error"/>: a scan or stage-declaration problem as the errors it carries, anything else as
    /// one error "<paramref name="what"/> failed: message" with the stack trace at low importance.
    /// </summary>
    public static void Failure(TaskLoggingHelper log, Exception error, string what)
    {
        switch (error)
        {
            case ScanDefinitionException scan:
                foreach (var problem in scan.Problems)
                {
                    var message = problem.KeyPath.Length == 0 ? problem.Message : $"{problem.KeyPath}: {problem.Message}";
                    log.LogError(null, null, null, problem.Source, problem.Line ?? 0, problem.Column ?? 0, 0, 0, message);
                }

                break;
            case StageGraphException graph:
                foreach (var problem in graph.Problems)
                {
                    log.LogError("Stage declarations: " + problem);
                }

                break;
            default:
                log.LogError($"{what} failed: {error.Message}");
                log.LogMessage(MessageImportance.Low, error.ToString());
                break;
        }
    }
}
