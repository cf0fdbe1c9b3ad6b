using TomoSaxs.Pipeline.Tests.BuildGraph;

namespace TomoSaxs.Pipeline.Tests.Phantom;

/// <summary>What a Phantom rebuild regenerates: nothing for the same parameters, one slice for a lost part, all for a new value.</summary>
[Collection(BuildGraphCollection.Name)]
public sealed class PhantomIncrementalTests
{
    [Fact]
    public void The_same_value_or_a_touched_scan_yaml_regenerates_nothing_a_lost_part_its_slice_and_a_new_value_everything()
    {
        using var build = PhantomBuild.Create();
        build.Run("Phantom").Succeeded();
        var built = build.Snapshot();

        var same = build.Run("Phantom", "--set", "phantom.seed=7").Succeeded();
        Assert.Contains("everything is up to date", same.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(built, build.Snapshot()));

        File.SetLastWriteTimeUtc(build.ScanYaml, DateTime.UtcNow);
        var touchedAt = build.Snapshot();
        var touched = build.Run("Phantom").Succeeded();
        Assert.Contains("everything is up to date", touched.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(touchedAt, build.Snapshot()));

        File.Delete(build.Part(1));
        var lost = build.Snapshot();
        var rebuilt = build.Run("Phantom").Succeeded();
        Assert.Contains("PhantomSlice: to build slice 01 — output phantom/parts/slice_01.h5 is missing", rebuilt.Output, StringComparison.Ordinal);
        Assert.Equal(
            [PhantomBuild.PartsPrefix + "slice_01.h5", .. PhantomBuild.SaxsFiles.Select(file => PhantomBuild.RawPrefix + file)],
            PipelineBuild.Changed(lost, build.Snapshot()));
        // The regenerated part is the one the first build wrote.
        Assert.Equal(built[PhantomBuild.PartsPrefix + "slice_01.h5"].Sha256, build.Snapshot()[PhantomBuild.PartsPrefix + "slice_01.h5"].Sha256);

        var before = build.Snapshot();
        var reseeded = build.Run("Phantom", "--set", "phantom.seed=8").Succeeded();
        Assert.Contains("PhantomScanLevel: to build — parameters changed: phantom.seed \"7\" → \"8\"", reseeded.Output, StringComparison.Ordinal);
        var changed = PipelineBuild.Changed(before, build.Snapshot());
        var data = before.Keys.Where(path => path.StartsWith(PhantomBuild.RawPrefix, StringComparison.Ordinal)
                                             || path.StartsWith(PhantomBuild.TruthPrefix, StringComparison.Ordinal)
                                             || path.StartsWith(PhantomBuild.PartsPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(9 + 5 + 2, data.Count(path => !path.Contains("/ct/", StringComparison.Ordinal) && !path.Contains("/fibres/", StringComparison.Ordinal)));
        Assert.All(data, path => Assert.Contains(path, changed));
        Assert.Contains("everything is up to date", build.Run("Phantom", "--set", "phantom.seed=8").Succeeded().Output, StringComparison.Ordinal);
    }
}
