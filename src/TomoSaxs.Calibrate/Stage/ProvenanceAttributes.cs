using System.Globalization;
using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Pipeline;

namespace TomoSaxs.Calibrate.Stage;

/// <summary>
/// A <see cref="ProvenanceRecord"/> as attributes of an HDF5 artefact's root (DESIGN §3): <c>tool</c>,
/// <c>tool_version</c>, <c>git_commit</c>, <c>stage</c>, <c>stage_version</c>, <c>parameters</c> (the stamp's
/// JSON), <c>inputs</c> (paths), <c>input_sizes</c> (bytes), <c>input_modified_utc</c>, <c>started_utc</c>,
/// <c>written_utc</c> (ISO 8601), <c>host</c> and, under SLURM, <c>slurm_job_id</c>.
/// </summary>
public static class ProvenanceAttributes
{
    /// <summary>Sets the attributes of <paramref name="record"/> on <paramref name="root"/>.</summary>
    public static void Add(ArtefactGroup root, ProvenanceRecord record)
    {
        static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        root.Attributes
            .Set("tool", record.Tool.Name)
            .Set("tool_version", record.Tool.Version)
            .Set("git_commit", record.Tool.GitCommit)
            .Set("stage", record.Stage.Name)
            .Set("stage_version", record.Stage.Version)
            .Set("parameters", record.Stage.ParameterJson)
            .Set("inputs", record.Inputs.Select(i => i.Path).ToArray())
            .Set("input_sizes", record.Inputs.Select(i => i.Size).ToArray())
            .Set("input_modified_utc", record.Inputs.Select(i => Time(i.ModifiedUtc)).ToArray())
            .Set("started_utc", Time(record.StartedUtc.UtcDateTime))
            .Set("written_utc", Time(record.WrittenUtc.UtcDateTime))
            .Set("host", record.Host);
        if (record.SlurmJobId is { } job)
        {
            root.Attributes.Set("slurm_job_id", job);
        }
    }
}
