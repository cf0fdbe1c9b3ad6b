using System.Text.Json;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests;

public sealed class ProvenanceTests
{
    private static readonly ProvenanceRecord Sample = new(
        new ToolIdentity("TomoSaxs.Pipeline", "0.1.0+abc", "0123456789abcdef0123456789abcdef01234567"),
        new StageIdentity("Integrate", "2", "{\"integrate\":{\"chi_bins\":180,\"q0_nm\":0.282179}}"),
        3,
        [new ProvenanceInput("/data/slices/03/corrected.h5", 12345, new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc))],
        new DateTimeOffset(2025, 3, 1, 12, 1, 0, TimeSpan.Zero),
        new DateTimeOffset(2025, 3, 1, 12, 2, 30, TimeSpan.Zero),
        "node17",
        "4242_3");

    [Fact]
    public void The_json_form_holds_every_field_with_the_parameters_as_an_object()
    {
        using var json = JsonDocument.Parse(ProvenanceJson.Write(Sample));
        var root = json.RootElement;

        Assert.Equal("TomoSaxs.Pipeline", root.GetProperty("tool").GetString());
        Assert.Equal("0.1.0+abc", root.GetProperty("tool_version").GetString());
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", root.GetProperty("git_commit").GetString());
        Assert.Equal("Integrate", root.GetProperty("stage").GetString());
        Assert.Equal("2", root.GetProperty("stage_version").GetString());
        Assert.Equal(3, root.GetProperty("slice").GetInt32());
        Assert.Equal(180, root.GetProperty("parameters").GetProperty("integrate").GetProperty("chi_bins").GetInt32());
        var input = Assert.Single(root.GetProperty("inputs").EnumerateArray().ToList());
        Assert.Equal("/data/slices/03/corrected.h5", input.GetProperty("path").GetString());
        Assert.Equal(12345, input.GetProperty("size").GetInt64());
        Assert.Equal("2025-03-01T12:00:00.0000000Z", input.GetProperty("modified_utc").GetString());
        Assert.Equal("2025-03-01T12:01:00.0000000Z", root.GetProperty("started_utc").GetString());
        Assert.Equal("2025-03-01T12:02:30.0000000Z", root.GetProperty("written_utc").GetString());
        Assert.Equal("node17", root.GetProperty("host").GetString());
        Assert.Equal("4242_3", root.GetProperty("slurm_job_id").GetString());
    }

    [Fact]
    public void The_json_form_reads_back_to_the_same_record()
    {
        var back = ProvenanceJson.Read(ProvenanceJson.Write(Sample));

        Assert.Equal(Sample.Tool, back.Tool);
        Assert.Equal(Sample.Stage, back.Stage);
        Assert.Equal(Sample.Slice, back.Slice);
        Assert.Equal(Sample.Inputs, back.Inputs);
        Assert.Equal(Sample.StartedUtc, back.StartedUtc);
        Assert.Equal(Sample.WrittenUtc, back.WrittenUtc);
        Assert.Equal(Sample.Host, back.Host);
        Assert.Equal(Sample.SlurmJobId, back.SlurmJobId);

        var scanLevel = ProvenanceJson.Read(ProvenanceJson.Write(Sample with { Slice = null, SlurmJobId = null }));
        Assert.Null(scanLevel.Slice);
        Assert.Null(scanLevel.SlurmJobId);
    }

    [Fact]
    public void Inputs_record_size_and_time_of_files_folders_and_missing_paths()
    {
        using var temp = new TemporaryDirectory();
        var file = temp.File("a.txt");
        File.WriteAllText(file, "12345");
        var when = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, when);
        Directory.CreateDirectory(temp.File("stack"));
        File.WriteAllText(temp.File("stack/z0000.tif"), "ab");
        File.WriteAllText(temp.File("stack/z0001.tif"), "cde");
        File.SetLastWriteTimeUtc(temp.File("stack/z0001.tif"), when);

        Assert.Equal(new ProvenanceInput(file, 5, when), ProvenanceInput.Of(file));
        var stack = ProvenanceInput.Of(temp.File("stack"));
        Assert.Equal(5, stack.Size);
        Assert.True(stack.ModifiedUtc > when, "a folder's time is that of its newest file");
        Assert.Equal(-1, ProvenanceInput.Of(temp.File("none")).Size);
    }

    [Fact]
    public void The_sidecar_sits_beside_its_artefact()
    {
        using var temp = new TemporaryDirectory();
        var artefact = temp.File("maps/q0.tif");

        ProvenanceJson.WriteSidecar(artefact, Sample);

        Assert.Equal(artefact + ".provenance.json", ProvenanceRecord.SidecarPath(artefact));
        Assert.Equal(Sample.Stage, ProvenanceJson.Read(File.ReadAllText(ProvenanceRecord.SidecarPath(artefact))).Stage);
    }

    [Fact]
    public void The_tool_identity_names_the_commit_of_this_checkout()
    {
        var identity = ToolIdentity.Current;

        Assert.Equal("TomoSaxs.Pipeline", identity.Name);
        Assert.StartsWith("0.1.0", identity.Version, StringComparison.Ordinal);
        Assert.Equal(GitCheckout.HeadCommit(SharedData.RepositoryRoot), identity.GitCommit);
    }
}
