namespace TomoSaxs.Pipeline;

/// <summary>
/// Says why MSBuild would run a stage, by the rules MSBuild itself applies to a target's Inputs and Outputs (an
/// output is missing, an input is missing, or the newest input is newer than the oldest output; a folder counts as
/// missing, since MSBuild compares files), with the stamp
/// inputs read by content so that the reason can name what changed. Before anything is written a build compares
/// stamp texts; afterwards MSBuild sees the rewritten stamps as new inputs, so both give the same answer.
/// </summary>
public static class StalenessExplainer
{
    /// <summary>Every reason the stage would run, most telling first; empty when it is up to date.</summary>
    /// <param name="check">What to compare.</param>
    /// <param name="display">How to show a path in a message (e.g. relative to the scan's artefacts).</param>
    public static IReadOnlyList<StalenessReason> Explain(StalenessCheck check, Func<string, string> display)
    {
        var reasons = new List<StalenessReason>();
        if (check.Force)
        {
            reasons.Add(new(StalenessKind.Forced, "--force"));
        }

        var missingOutputs = check.Outputs.Where(path => !File.Exists(path)).ToList();
        if (missingOutputs.Count > 0)
        {
            var more = missingOutputs.Count > 1 ? $" (and {missingOutputs.Count - 1} more)" : "";
            reasons.Add(new(StalenessKind.MissingOutput, $"output {display(missingOutputs[0])} {Missing(missingOutputs[0])}{more}"));
        }

        // A stamp that was never written matters only when the outputs exist: without outputs the stage runs anyway.
        var outputsExist = missingOutputs.Count == 0;
        var parameters = check.Stamps.Parameters;
        if (parameters.Changed && (parameters.Recorded is not null || outputsExist))
        {
            var what = parameters.Recorded is null
                ? "no parameter stamp recorded yet"
                : string.Join("; ", ParameterStamp.Differences(parameters.Recorded, parameters.Expected));
            reasons.Add(new(StalenessKind.ParametersChanged, $"parameters changed: {what}"));
        }

        var version = check.Stamps.Version;
        if (version.Changed && (version.Recorded is not null || outputsExist))
        {
            var was = version.Recorded is null ? "none recorded" : version.Recorded.Trim();
            reasons.Add(new(StalenessKind.StageVersionChanged, $"stage version changed: {was} → {version.Expected.Trim()}"));
        }

        foreach (var input in check.Inputs)
        {
            if (check.PendingProducer(input) is { } producer)
            {
                reasons.Add(new(StalenessKind.UpstreamRebuilt, $"input {display(input)} will be rebuilt by {producer}"));
            }
            else if (!File.Exists(input))
            {
                reasons.Add(new(StalenessKind.MissingInput, Directory.Exists(input)
                    ? $"input {display(input)} {Missing(input)}"
                    : $"input {display(input)} is missing and no stage in this build writes it"));
            }
        }

        if (outputsExist && reasons.Count == 0 && NewerInput(check) is { } newer)
        {
            reasons.Add(newer == (parameters.Path, true) ? new(StalenessKind.ParametersChanged,
                    "parameters changed since the outputs were written (an earlier build stopped before this stage finished)")
                : newer == (version.Path, true) ? new(StalenessKind.StageVersionChanged,
                    "stage version changed since the outputs were written (an earlier build stopped before this stage finished)")
                : new(StalenessKind.InputNewer, $"input {display(newer.Path)} is newer than output {display(Oldest(check.Outputs))}"));
        }

        return reasons;
    }

    private static (string Path, bool IsStamp)? NewerInput(StalenessCheck check)
    {
        var oldestOutput = check.Outputs.Min(Modified);
        var inputs = check.Inputs.Select(path => (Path: path, IsStamp: false))
            .Append((check.Stamps.Parameters.Path, true))
            .Append((check.Stamps.Version.Path, true));
        var newest = inputs.Where(input => File.Exists(input.Path)).MaxBy(input => Modified(input.Path));
        return newest.Path is not null && Modified(newest.Path) > oldestOutput ? newest : null;
    }

    private static string Oldest(IReadOnlyList<string> outputs) => outputs.MinBy(Modified)!;

    // MSBuild compares files only: a folder among Inputs or Outputs counts as missing, so the target always runs.
    private static string Missing(string path) =>
        Directory.Exists(path) ? "is a folder, which MSBuild takes as missing (declare the files in it)" : "is missing";

    private static DateTime Modified(string path) => File.GetLastWriteTimeUtc(path);
}
