using System.Text.RegularExpressions;
using TomoSaxs.Formats.Nexus;
using TomoSaxs.Phantom;
using TomoSaxs.Phantom.Tests;
using TomoSaxs.Pipeline.Tests.BuildGraph;
using TomoSaxs.Scan;

namespace TomoSaxs.Pipeline.Tests.Phantom;

/// <summary>./build.sh Phantom on a tiny synthetic scan: plan, first build, no-op rebuild, and the files it wrote.</summary>
[Collection(BuildGraphCollection.Name)]
public sealed class PhantomBuildTests
{
    [Fact]
    public void The_plan_lists_every_phantom_step_and_changes_nothing_then_the_build_writes_raw_and_truth_and_a_rebuild_does_nothing()
    {
        using var build = PhantomBuild.Create();
        var fresh = build.Snapshot();

        var plan = build.Run("Phantom", "--plan").Succeeded();

        Assert.Empty(PipelineBuild.Changed(fresh, build.Snapshot()));
        Assert.Contains("Plan for Phantom on scan demo (all 2 slices):", plan.Output, StringComparison.Ordinal);
        Assert.Matches(@"PhantomScanLevel\s+would run: output .*vox_padding\.xlsx is missing", plan.Output);
        Assert.Matches(@"PhantomSlice slice 00\s+would run: output phantom/parts/slice_00\.h5 is missing", plan.Output);
        Assert.Matches(@"PhantomSlice slice 01\s+would run: output phantom/parts/slice_01\.h5 is missing", plan.Output);
        Assert.Matches(@"PhantomAssemble\s+would run: output .*i22-200001\.nxs is missing", plan.Output);
        Assert.Contains("4 of 4 steps would run.", plan.Output, StringComparison.Ordinal);

        build.Environment["ProgressInterval"] = "0.001";
        var first = build.Run("Phantom").Succeeded();

        // The phantom's progress, forwarded: percent, count, rate and ETA while a slice runs, then its closing line.
        Assert.Matches(new Regex(@"PhantomSlice slice 0[01]: \d+% \(\d+/78 frames\), .+, ETA \d+:\d\d"), first.Output);
        Assert.Matches(new Regex(@"PhantomSlice slice 01: done, 78 frames in"), first.Output);
        Assert.All(PhantomBuild.SaxsFiles.Select(build.Raw), file => Assert.True(File.Exists(file), file));
        Assert.All(PhantomScan.TruthFiles.Select(name => Path.Combine(build.Truth(), name)), file => Assert.True(File.Exists(file), file));
        Assert.NotEmpty(Directory.GetFiles(build.Raw("ct/high")));
        // Every raw path of scan.yaml now exists, as a measured scan's would.
        var scan = ScanContext.Load(build.ScanYaml, build.Artifacts, rawFiles: RawFileCheck.Always);
        Assert.Equal(2, scan.SliceCount);
        // The same files as a measured scan (no phantom block): the slice count comes from the first SAXS file.
        var yaml = File.ReadAllText(build.ScanYaml);
        var measured = Path.Combine(build.ScanFolder, "measured.yaml");
        File.WriteAllText(measured, yaml[..yaml.IndexOf("phantom:", StringComparison.Ordinal)]);
        Assert.Equal(2, ScanContext.Load(measured, build.Artifacts).SliceCount);
        File.Delete(measured);
        var built = build.Snapshot();

        var second = build.Run("Phantom").Succeeded();

        Assert.Contains("Phantom on scan demo (all 2 slices): everything is up to date.", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PhantomSlice slice", second.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(built, build.Snapshot()));
    }

    [Fact]
    public void The_built_raw_files_open_in_the_projects_readers_and_in_h5dump()
    {
        using var build = PhantomBuild.Create();
        build.Run("Phantom", "--jobs", "2").Succeeded();

        foreach (var file in PhantomBuild.SaxsFiles.Select(build.Raw))
        {
            using var raster = I22Scan.Open(file);
            Assert.Equal(2, raster.Slices);
            Assert.Equal(100, raster.FrameRows);
            Assert.Equal(64, raster.FrameColumns);
            Assert.True(raster.ReadFrameSums().Values.Any(sum => sum > 0), $"{file} has only empty frames");
        }

        using (var background = I22Scan.Open(build.Raw("saxs/i22-200010.nxs")))
        {
            Assert.True(background.IsLineScan);
        }

        var hdf5 = Directory.EnumerateFiles(build.Root, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".nxs", StringComparison.Ordinal) || path.EndsWith(".h5", StringComparison.Ordinal)).ToList();
        Assert.Equal(3 + 3 + 2 + 2 + 2, hdf5.Count); // SAXS, WAXS map + line scans, mask + calibration, parts, truth
        Assert.All(hdf5, file => Assert.Contains("HDF5", H5Dump.Header(file), StringComparison.Ordinal));
    }
}
