using TomoSaxs.Formats;

namespace TomoSaxs.Phantom.Tests;

/// <summary>
/// Same seed ⇒ the same arrays and attributes in every file, whatever the number of threads; slices generated
/// separately (as by fanned-out processes) assemble into the same files; parts of another plan are refused.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    public void The_same_seed_gives_identical_files_with_one_thread_or_three()
    {
        using var single = new GeneratedScan(TinyScan.Yaml(seed: 11), new PhantomRunOptions(1));
        using var three = new GeneratedScan(TinyScan.Yaml(seed: 11), new PhantomRunOptions(3));

        Assert.Equal(single.Plan.Fingerprint, three.Plan.Fingerprint);
        ScanSnapshot.AssertSame(single.Folder, three.Folder);
    }

    [Fact]
    public void Slices_generated_in_any_order_by_separate_plans_assemble_into_the_same_scan()
    {
        using var reference = new GeneratedScan(TinyScan.Yaml(seed: 12));
        using var fannedOut = new GeneratedScan(TinyScan.Yaml(seed: 12), generate: false);

        // Each "process" plans for itself, as the build's per-slice targets do, and slices run last-first.
        for (var slice = fannedOut.Plan.Slices - 1; slice >= 0; slice--)
        {
            var own = PhantomScan.Plan(PhantomDefinition.Load(fannedOut.DefinitionFile));
            PhantomScan.WriteSliceFrames(own, slice, fannedOut.Parts, options: new PhantomRunOptions(2));
        }

        PhantomScan.WriteScanLevel(fannedOut.Plan, fannedOut.Truth);
        PhantomScan.AssembleSaxs(fannedOut.Plan, fannedOut.Parts);

        ScanSnapshot.AssertSame(reference.Folder, fannedOut.Folder);
    }

    [Fact]
    public void A_different_seed_draws_different_fibres_and_counts()
    {
        using var first = new GeneratedScan(TinyScan.Yaml(seed: 13), generate: false);
        using var second = new GeneratedScan(TinyScan.Yaml(seed: 14), generate: false);
        PhantomScan.WriteSliceFrames(first.Plan, 0, first.Parts);
        PhantomScan.WriteSliceFrames(second.Plan, 0, second.Parts);

        Assert.NotEqual(first.Plan.Fingerprint, second.Plan.Fingerprint);
        Assert.NotEqual(first.Plan.Fibres.Select(f => f.Parameters.Q0), second.Plan.Fibres.Select(f => f.Parameters.Q0));
        Assert.NotEqual(
            ScanSnapshot.Hdf5Contents(PhantomScan.SlicePartPath(first.Parts, 0)).Where(line => line.StartsWith("/angle_000/frames:", StringComparison.Ordinal)),
            ScanSnapshot.Hdf5Contents(PhantomScan.SlicePartPath(second.Parts, 0)).Where(line => line.StartsWith("/angle_000/frames:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Assembly_refuses_missing_parts_and_parts_of_another_plan()
    {
        using var scan = new GeneratedScan(TinyScan.Yaml(seed: 15), generate: false);
        using var other = new GeneratedScan(TinyScan.Yaml(seed: 16), generate: false);

        var missing = Assert.Throws<DataFileException>(() => PhantomScan.AssembleSaxs(scan.Plan, scan.Parts));
        for (var slice = 0; slice < other.Plan.Slices; slice++)
        {
            PhantomScan.WriteSliceFrames(other.Plan, slice, scan.Parts);
        }

        var foreign = Assert.Throws<DataFileException>(() => PhantomScan.AssembleSaxs(scan.Plan, scan.Parts));

        Assert.Contains("frames of slice 0 have not been generated", missing.Message);
        Assert.Contains("belongs to another phantom plan", foreign.Message);
        Assert.All(scan.Plan.Outputs.Saxs, file => Assert.False(File.Exists(file)));
    }

    [Fact]
    public void Outputs_appear_only_under_their_final_names()
    {
        using var scan = new GeneratedScan(TinyScan.Yaml(seed: 17));

        var leftovers = Directory.EnumerateFileSystemEntries(scan.Folder, ".*", SearchOption.AllDirectories).ToList();

        Assert.Empty(leftovers);
        Assert.Throws<ArgumentOutOfRangeException>(() => PhantomScan.WriteSliceFrames(scan.Plan, scan.Plan.Slices, scan.Parts));
        Assert.False(File.Exists(PhantomScan.SlicePartPath(scan.Parts, scan.Plan.Slices)));
    }
}
