using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests;

public sealed class StampTests
{
    [Fact]
    public void A_stamp_is_written_only_when_its_content_changes()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("stamps/Integrate.parameters.json");

        Assert.True(StampFile.WriteIfDifferent(path, "{\"a\":1}"));
        var written = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, written.AddMinutes(-5));

        Assert.False(StampFile.WriteIfDifferent(path, "{\"a\":1}"));
        Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(path));

        Assert.True(StampFile.WriteIfDifferent(path, "{\"a\":2}"));
        Assert.Equal("{\"a\":2}", StampFile.Read(path));
        Assert.True(File.GetLastWriteTimeUtc(path) > written.AddMinutes(-5));
        Assert.Equal(["Integrate.parameters.json"], Directory.GetFiles(temp.File("stamps")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_stamp_state_knows_whether_the_build_would_rewrite_it()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("Stripe.version");

        var fresh = StampState.Read(path, "2");
        Assert.Null(fresh.Recorded);
        Assert.True(fresh.Changed);
        Assert.True(fresh.Write());

        var same = StampState.Read(path, "2");
        Assert.Equal("2", same.Recorded);
        Assert.False(same.Changed);
        Assert.False(same.Write());
    }

    [Fact]
    public void Stage_stamps_hold_the_declared_parameter_sections_and_the_version()
    {
        using var temp = new TemporaryDirectory();
        var scan = TestScans.Load(temp, ["integrate.chi_bins=36"]);
        var stage = new StageDeclaration("Stripe", "3", ["integrate"], true, [], [new StageFile("/x/{slice}/out", "out")]);

        var stamps = StageStamps.For(stage, scan);

        Assert.Equal(scan.Layout.ParameterStamp("Stripe"), stamps.Parameters.Path);
        Assert.Equal($"{{\"integrate\":{scan.Definition.Stages.CanonicalJson("integrate")}}}", stamps.Parameters.Expected);
        Assert.Equal(scan.Layout.VersionStamp("Stripe"), stamps.Version.Path);
        Assert.Equal("3", stamps.Version.Expected);
        Assert.True(stamps.Write());
        Assert.False(StageStamps.For(stage, scan).Write());
    }
}
