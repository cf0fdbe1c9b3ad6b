using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests;

/// <summary>Each reason a step would run, checked on real files with controlled modification times.</summary>
public sealed class StalenessExplainerTests : IDisposable
{
    private static readonly DateTime Built = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly TemporaryDirectory temp = new();
    private readonly string input;
    private readonly string output;
    private readonly string sidecar;
    private readonly StageStamps stamps;

    public StalenessExplainerTests()
    {
        input = Write("seed/seed.txt", Built.AddMinutes(-10));
        output = Write("slices/01/stripe.txt", Built);
        sidecar = Write("slices/01/stripe.txt.provenance.json", Built);
        Write("stamps/Stripe.parameters.json", Built.AddMinutes(-20), "{\"integrate\":{\"chi_bins\":20}}");
        Write("stamps/Stripe.version", Built.AddMinutes(-20), "1");
        stamps = Stamps("{\"integrate\":{\"chi_bins\":20}}", "1");
    }

    [Fact]
    public void Nothing_changed_means_up_to_date() => Assert.Empty(Explain(Check()));

    [Fact]
    public void An_input_exactly_as_old_as_the_output_is_not_newer()
    {
        File.SetLastWriteTimeUtc(input, Built);
        Assert.Empty(Explain(Check()));
    }

    [Fact]
    public void Force_is_named()
    {
        var reason = Assert.Single(Explain(Check() with { Force = true }));
        Assert.Equal(new StalenessReason(StalenessKind.Forced, "--force"), reason);
    }

    [Fact]
    public void A_missing_output_is_named_with_how_many_more_are_missing()
    {
        File.Delete(output);
        Assert.Equal("output slices/01/stripe.txt is missing", Assert.Single(Explain(Check())).Text);
        File.Delete(sidecar);
        Assert.Equal("output slices/01/stripe.txt is missing (and 1 more)", Assert.Single(Explain(Check())).Text);
    }

    [Fact]
    public void Changed_parameters_name_each_value()
    {
        var reason = Assert.Single(Explain(Check() with { Stamps = Stamps("{\"integrate\":{\"chi_bins\":36}}", "1") }));
        Assert.Equal(new StalenessReason(StalenessKind.ParametersChanged, "parameters changed: integrate.chi_bins 20 → 36"), reason);
    }

    [Fact]
    public void A_changed_stage_version_is_named()
    {
        var reason = Assert.Single(Explain(Check() with { Stamps = Stamps("{\"integrate\":{\"chi_bins\":20}}", "2") }));
        Assert.Equal(new StalenessReason(StalenessKind.StageVersionChanged, "stage version changed: 1 → 2"), reason);
    }

    [Fact]
    public void Stamps_never_written_matter_only_when_the_outputs_exist()
    {
        File.Delete(temp.File("stamps/Stripe.parameters.json"));
        File.Delete(temp.File("stamps/Stripe.version"));
        var fresh = Stamps("{\"integrate\":{\"chi_bins\":20}}", "1");

        Assert.Equal([StalenessKind.ParametersChanged, StalenessKind.StageVersionChanged],
            Explain(Check() with { Stamps = fresh }).Select(r => r.Kind));
        Assert.Equal("parameters changed: no parameter stamp recorded yet", Explain(Check() with { Stamps = fresh })[0].Text);

        File.Delete(output);
        Assert.Equal([StalenessKind.MissingOutput], Explain(Check() with { Stamps = fresh }).Select(r => r.Kind));
    }

    [Fact]
    public void An_input_newer_than_the_oldest_output_is_named_with_that_output()
    {
        File.SetLastWriteTimeUtc(input, Built.AddSeconds(1));
        File.SetLastWriteTimeUtc(sidecar, Built.AddSeconds(5));

        var reason = Assert.Single(Explain(Check()));
        Assert.Equal(new StalenessReason(StalenessKind.InputNewer, "input seed/seed.txt is newer than output slices/01/stripe.txt"), reason);
    }

    [Fact]
    public void A_stamp_newer_than_the_outputs_means_an_earlier_build_changed_it_and_stopped()
    {
        File.SetLastWriteTimeUtc(temp.File("stamps/Stripe.parameters.json"), Built.AddSeconds(1));
        Assert.Equal(StalenessKind.ParametersChanged, Assert.Single(Explain(Check())).Kind);
        Assert.Contains("an earlier build stopped", Explain(Check())[0].Text, StringComparison.Ordinal);

        File.SetLastWriteTimeUtc(temp.File("stamps/Stripe.parameters.json"), Built.AddMinutes(-20));
        File.SetLastWriteTimeUtc(temp.File("stamps/Stripe.version"), Built.AddSeconds(1));
        Assert.Equal(StalenessKind.StageVersionChanged, Assert.Single(Explain(Check())).Kind);
    }

    [Fact]
    public void An_input_an_upstream_step_will_rewrite_is_named_with_that_step()
    {
        var check = Check() with { PendingProducer = path => path == input ? "Seed" : null };

        var reason = Assert.Single(Explain(check));
        Assert.Equal(new StalenessReason(StalenessKind.UpstreamRebuilt, "input seed/seed.txt will be rebuilt by Seed"), reason);
    }

    [Fact]
    public void A_missing_input_nothing_writes_is_named()
    {
        File.Delete(input);

        var reason = Assert.Single(Explain(Check()));
        Assert.Equal(new StalenessReason(StalenessKind.MissingInput, "input seed/seed.txt is missing and no stage in this build writes it"), reason);
    }

    [Fact]
    public void A_folder_counts_as_missing_as_it_does_for_MSBuild()
    {
        File.Delete(input);
        Directory.CreateDirectory(input);

        var reason = Assert.Single(Explain(Check()));
        Assert.Equal(new StalenessReason(StalenessKind.MissingInput,
            "input seed/seed.txt is a folder, which MSBuild takes as missing (declare the files in it)"), reason);
    }

    [Fact]
    public void Several_reasons_are_listed_most_telling_first()
    {
        File.Delete(output);
        var check = Check() with { Force = true, Stamps = Stamps("{\"integrate\":{\"chi_bins\":36}}", "2"), PendingProducer = _ => "Seed" };

        Assert.Equal(
            [StalenessKind.Forced, StalenessKind.MissingOutput, StalenessKind.ParametersChanged, StalenessKind.StageVersionChanged, StalenessKind.UpstreamRebuilt],
            Explain(check).Select(r => r.Kind));
    }

    public void Dispose() => temp.Dispose();

    private StalenessCheck Check() => new([input], [output, sidecar], stamps, false, _ => null);

    private IReadOnlyList<StalenessReason> Explain(StalenessCheck check) =>
        StalenessExplainer.Explain(check, new ArtifactLayout(temp.Path).Display);

    private StageStamps Stamps(string parameters, string version) =>
        new(StampState.Read(temp.File("stamps/Stripe.parameters.json"), parameters), StampState.Read(temp.File("stamps/Stripe.version"), version));

    private string Write(string relative, DateTime modified, string content = "x")
    {
        var path = temp.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, modified);
        return path;
    }
}
