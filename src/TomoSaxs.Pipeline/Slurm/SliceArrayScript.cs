using System.Text;
using TomoSaxs.Formats;

namespace TomoSaxs.Pipeline;

/// <summary>
/// The job-array script of a <see cref="SliceArrayJob"/>: sbatch options as <c>#SBATCH</c> lines (the array spec
/// included, so the script records what was submitted and can be resubmitted by hand), then one command per task,
/// <c>./build.sh &lt;Stage&gt;Slice --scan X --slice $SLURM_ARRAY_TASK_ID</c> with the build's <c>--set</c> overrides.
/// </summary>
public static class SliceArrayScript
{
    /// <summary>The script's text.</summary>
    public static string Compose(SliceArrayJob job)
    {
        var text = new StringBuilder();
        text.AppendLine("#!/bin/bash")
            .AppendLine($"# TomoSaxs job array: stage {job.Stage} of scan {job.ScanName}, one task per slice (task id = slice number).")
            .AppendLine($"# Written by ./build.sh {job.Stage} --executor slurm and submitted as: sbatch --parsable --array={job.ArraySpec} <this file>")
            .AppendLine("# Every node must see the checkout, the .NET SDK, the scans and the artefacts at the paths below.")
            .AppendLine($"#SBATCH --job-name={job.JobName}")
            .AppendLine($"#SBATCH --array={job.ArraySpec}")
            .AppendLine($"#SBATCH --output={job.LogPattern}");
        foreach (var option in SlurmOptions.SbatchArguments(job.Settings))
        {
            text.AppendLine($"#SBATCH {option}");
        }

        text.AppendLine("set -euo pipefail");
        foreach (var (name, value) in job.Environment)
        {
            text.AppendLine($"export {name}={Quote(value)}");
        }

        if (job.DotnetDirectory is { } dotnet)
        {
            text.AppendLine($"export PATH={Quote(dotnet)}:\"$PATH\"");
        }

        text.AppendLine($"echo \"{job.JobName}: slice $SLURM_ARRAY_TASK_ID, job ${{SLURM_ARRAY_JOB_ID}}_$SLURM_ARRAY_TASK_ID on $(hostname) at $(date -u +%FT%TZ)\"")
            .AppendLine($"cd {Quote(job.RepositoryRoot)}");
        var command = new StringBuilder($"exec ./build.sh {job.SliceTarget} --scan {Quote(job.ScanName)} --slice \"$SLURM_ARRAY_TASK_ID\"");
        foreach (var assignment in job.Overrides)
        {
            command.Append(" --set ").Append(Quote(assignment));
        }

        if (job.Force)
        {
            command.Append(" --force");
        }

        return text.AppendLine(command.ToString()).ToString();
    }

    /// <summary>Writes the script to <paramref name="path"/> atomically (a reader never sees half of it).</summary>
    public static void Write(string path, SliceArrayJob job)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, temporary => File.WriteAllText(temporary, Compose(job)));
    }

    /// <summary><paramref name="value"/> as one bash word, quoted only when it needs to be.</summary>
    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
