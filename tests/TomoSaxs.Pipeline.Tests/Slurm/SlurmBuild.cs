using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TomoSaxs.Pipeline.Tests.BuildGraph;

namespace TomoSaxs.Pipeline.Tests.Slurm;

/// <summary>
/// A <see cref="PipelineBuild"/> (the real build.sh on a temporary scan with the test stages) pointed at the private
/// cluster, polling the queue every half second, with helpers to read what the SLURM executor wrote and printed.
/// </summary>
internal static partial class SlurmBuild
{
    /// <summary>Slices of the test scan: enough for a job array with pending and running tasks on two cores.</summary>
    public const int Slices = 3;

    /// <summary>A build of a 3-slice scan with 10 χ bins against <paramref name="cluster"/>.</summary>
    public static PipelineBuild Create(SlurmCluster cluster, bool defaultSignals = false)
    {
        var build = new PipelineBuild(TestScans.Yaml(slices: Slices, chiBins: 10)) { DefaultSignals = defaultSignals };
        return build.PointedAt(cluster);
    }

    /// <summary>Points <paramref name="build"/> at <paramref name="cluster"/>, polling the queue every half second.</summary>
    public static PipelineBuild PointedAt(this PipelineBuild build, SlurmCluster cluster)
    {
        foreach (var (name, value) in cluster.ClientEnvironment)
        {
            build.Environment[name] = value;
        }

        build.Environment["SlurmPollInterval"] = "0.5";
        return build;
    }

    /// <summary>A provenance sidecar without its time, host and job fields (and inputs' times), and its job id.</summary>
    public static (string Fields, string? Job) Provenance(byte[] json)
    {
        var record = JsonNode.Parse(json)!.AsObject();
        var job = record["slurm_job_id"]?.GetValue<string>();
        foreach (var field in new[] { "started_utc", "written_utc", "host", "slurm_job_id" })
        {
            Assert.True(record.Remove(field), $"the provenance has no '{field}'");
        }

        foreach (var input in record["inputs"]!.AsArray())
        {
            input!.AsObject().Remove("modified_utc");
        }

        return (record.ToJsonString(), job);
    }

    /// <summary>The array job ids the build printed for <paramref name="stage"/> ("submitted … as job array N").</summary>
    public static IReadOnlyList<string> JobIds(string output, string stage) =>
        Submitted().Matches(output).Where(m => m.Groups["stage"].Value == stage).Select(m => m.Groups["job"].Value).ToList();

    /// <summary>The <c>#SBATCH --array=</c> spec of <paramref name="stage"/>'s job script.</summary>
    public static string ArraySpec(PipelineBuild build, string stage) =>
        ArrayLine().Match(File.ReadAllText(build.Artifact($"slurm/{stage}.sbatch"))).Groups["spec"].Value;

    /// <summary>The artefact files of the test stages, relative to the scan's artefacts.</summary>
    public static IEnumerable<string> StageOutputs(params string[] stages) =>
        Enumerable.Range(0, Slices).SelectMany(slice => stages.Select(stage => $"slices/0{slice}/{stage.ToLowerInvariant()}.txt"));

    [GeneratedRegex(@"(?<stage>\w+): submitted \d+ of \d+ slices? \([^)]*\) to SLURM as job array (?<job>\d+)")]
    private static partial Regex Submitted();

    [GeneratedRegex(@"^#SBATCH --array=(?<spec>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ArrayLine();
}
