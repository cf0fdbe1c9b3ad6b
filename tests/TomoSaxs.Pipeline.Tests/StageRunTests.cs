using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests;

public sealed class StageRunTests : IDisposable
{
    private readonly TemporaryDirectory temp = new();
    private readonly ManualClock clock = new();
    private readonly List<string> log = [];
    private readonly StageRun run;

    public StageRunTests()
    {
        var scan = TestScans.Load(temp);
        run = new StageRun(scan, new StageIdentity("Stripe", "2", "{\"integrate\":{\"chi_bins\":20}}"), 3, log.Add, clock)
        {
            ProgressInterval = TimeSpan.FromSeconds(1),
        };
    }

    [Fact]
    public void A_run_knows_its_label_and_slice_folder()
    {
        Assert.Equal("Stripe slice 03", run.Label);
        Assert.Equal(Path.Combine(temp.File("artifacts"), "slices", "03"), run.SliceDirectory);
        var scanLevel = new StageRun(run.Scan, run.Stage, null, log.Add);
        Assert.Equal("Stripe", scanLevel.Label);
        Assert.Throws<InvalidOperationException>(() => scanLevel.SliceDirectory);
    }

    [Fact]
    public void An_output_is_renamed_into_place_with_its_provenance_beside_it()
    {
        var input = temp.File("in.txt");
        File.WriteAllText(input, "abc");
        var output = Path.Combine(run.SliceDirectory, "out.txt");
        clock.Advance(TimeSpan.FromSeconds(30));

        run.WriteOutput(output, [input], temporary =>
        {
            Assert.NotEqual(output, temporary);
            Assert.Equal(Path.GetDirectoryName(output), Path.GetDirectoryName(temporary));
            File.WriteAllText(temporary, "result");
        });

        Assert.Equal("result", File.ReadAllText(output));
        var provenance = ProvenanceJson.Read(File.ReadAllText(ProvenanceRecord.SidecarPath(output)));
        Assert.Equal(run.Stage, provenance.Stage);
        Assert.Equal(3, provenance.Slice);
        Assert.Equal(new ProvenanceInput(input, 3, File.GetLastWriteTimeUtc(input)), Assert.Single(provenance.Inputs));
        Assert.Equal(clock.Start, provenance.StartedUtc);
        Assert.Equal(clock.Start.AddSeconds(30), provenance.WrittenUtc);
        Assert.Equal(Environment.MachineName, provenance.Host);
        Assert.Equal(["out.txt", "out.txt.provenance.json"], Directory.GetFileSystemEntries(run.SliceDirectory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_failed_write_keeps_the_previous_output_and_its_provenance_and_leaves_no_temporary()
    {
        var output = Path.Combine(run.SliceDirectory, "out.txt");
        run.WriteOutput(output, [], temporary => File.WriteAllText(temporary, "old"));
        var sidecar = File.ReadAllText(ProvenanceRecord.SidecarPath(output));

        Assert.Throws<IOException>(() => run.WriteOutput(output, [], temporary =>
        {
            File.WriteAllText(temporary, "half");
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(output));
        Assert.Equal(sidecar, File.ReadAllText(ProvenanceRecord.SidecarPath(output)));
        Assert.Equal(2, Directory.GetFileSystemEntries(run.SliceDirectory).Length);
    }

    [Fact]
    public void Leftovers_of_a_killed_writer_are_removed_by_the_next_write()
    {
        var output = Path.Combine(run.SliceDirectory, "out.txt");
        Directory.CreateDirectory(run.SliceDirectory);
        File.WriteAllText(Path.Combine(run.SliceDirectory, ".out.txt.tmp-0123"), "half written");
        File.WriteAllText(Path.Combine(run.SliceDirectory, ".out.txt.provenance.json.tmp-4567"), "{");
        File.WriteAllText(Path.Combine(run.SliceDirectory, ".other.txt.tmp-89ab"), "another output's");

        run.WriteOutput(output, [], temporary => File.WriteAllText(temporary, "new"));

        Assert.Equal([".other.txt.tmp-89ab", "out.txt", "out.txt.provenance.json"],
            Directory.GetFileSystemEntries(run.SliceDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Progress_is_labelled_with_the_run()
    {
        var progress = run.StartProgress("bins", 4);
        clock.Advance(TimeSpan.FromSeconds(2));
        progress.Advance();
        progress.Advance(3);
        progress.Complete();

        Assert.Equal(["Stripe slice 03: 25% (1/4 bins), 2 s per bin, ETA 0:06", "Stripe slice 03: done, 4 bins in 2.0 s (2 bins/s)"], log);
    }

    public void Dispose() => temp.Dispose();
}
