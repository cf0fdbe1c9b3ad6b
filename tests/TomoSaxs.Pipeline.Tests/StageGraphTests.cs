namespace TomoSaxs.Pipeline.Tests;

public sealed class StageGraphTests
{
    private static StageDeclaration Stage(string name, string[] inputs, string[] outputs, bool perSlice = false) =>
        new(name, "1", [], perSlice,
            inputs.Select(path => new StageFile(path, Path.GetFileName(path))).ToList(),
            outputs.Select(path => new StageFile(path, Path.GetFileName(path))).ToList());

    [Fact]
    public void Dependencies_follow_the_files_and_the_build_order_puts_upstream_first()
    {
        var phantom = Stage("Phantom", [], ["/a/raw/scan.nxs"]);
        var calibrate = Stage("Calibrate", ["/a/raw/scan.nxs"], ["/a/calibrate/mask.h5"]);
        var unrelated = Stage("Dvc", ["/a/raw/ct.tif"], ["/a/dvc/strain.h5"]);
        var correct = Stage("Correct", ["/a/raw/scan.nxs", "/a/calibrate/mask.h5"], ["/a/slices/{slice}/corrected.h5"], perSlice: true);
        var integrate = Stage("Integrate", ["/a/slices/{slice}/corrected.h5"], ["/a/slices/{slice}/ichi.h5"], perSlice: true);
        var graph = new StageGraph([integrate, correct, unrelated, calibrate, phantom]);

        Assert.Equal([correct], graph.Upstream(integrate));
        Assert.Equal([calibrate, phantom], graph.Upstream(correct));
        Assert.Equal(["Phantom", "Calibrate", "Correct", "Integrate"], graph.BuildOrder(integrate).Select(s => s.Name));
        Assert.Equal([unrelated], graph.BuildOrder(unrelated));
        Assert.Same(correct, graph.ProducerOf("/a/slices/{slice}/corrected.h5"));
        Assert.Same(integrate, graph.Find("integrate"));
        Assert.Null(graph.Find("Recon"));
    }

    [Fact]
    public void Inconsistent_declarations_are_reported_together()
    {
        var error = Assert.Throws<StageGraphException>(() => new StageGraph(
        [
            Stage("A", [], ["/a/one"]),
            Stage("B", [], ["/a/one", "/a/two", "/a/two"]),
            Stage("A", [], ["/a/three"]),
            Stage("C", ["/a/slices/{slice}/x"], ["/a/slices/{slice}/c"]),
            Stage("D", [], []),
            new StageDeclaration("E", " ", [], false, [], [new StageFile("/a/e", "e")]),
        ]));

        Assert.Equal(
        [
            "Stage B declares the output /a/two twice.",
            "/a/one is written by both A and B.",
            "The stage A is declared twice.",
            "Stage C runs once per scan but declares the per-slice output /a/slices/{slice}/c.",
            "Stage D declares no StageOutput; a stage without outputs can never be up to date.",
            "Stage E has no Version; declare one (e.g. Version=\"1\") and bump it when its results change.",
        ], error.Problems);
    }

    [Fact]
    public void A_cycle_is_reported_with_its_stages()
    {
        var error = Assert.Throws<StageGraphException>(() => new StageGraph(
        [
            Stage("A", ["/c"], ["/a"]),
            Stage("B", ["/a"], ["/b"]),
            Stage("C", ["/b"], ["/c"]),
        ]));

        Assert.Equal("The stages depend on each other in a cycle: A → C → B → A.", Assert.Single(error.Problems));
    }
}
