using System.Globalization;
using TomoSaxs.Pipeline.TestStages;
using TomoSaxs.TestSupport;

namespace TomoSaxs.Pipeline.Tests;

/// <summary>The test stages' library code runs without MSBuild, like every stage's must.</summary>
public sealed class TestStageLibraryTests
{
    [Fact]
    public void Seed_and_stripe_write_their_outputs_from_parameters_and_the_upstream_file()
    {
        using var temp = new TemporaryDirectory();
        var scan = TestScans.Load(temp, ["register.vertical_offset_um=5", "integrate.chi_bins=3"]);
        var seedFile = Path.Combine(scan.Layout.ScanDirectory, "seed", "seed.txt");

        SeedStage.Run(new StageRun(scan, new StageIdentity("Seed", "1", "{}"), null, _ => { }), seedFile);
        var slice = new StageRun(scan, new StageIdentity("Stripe", "1", "{}"), 2, _ => { });
        var stripe = Path.Combine(slice.SliceDirectory, "stripe.txt");
        StripeStage.Run(slice, seedFile, stripe);

        Assert.Equal(5, SeedStage.ReadSeed(seedFile));
        Assert.Equal(
            ["slice 2 chi_bins 3 q0_nm 0.282179", .. Enumerable.Range(0, 3).Select(bin => StripeStage.Value(5, 2, bin, 0.282179).ToString("R", CultureInfo.InvariantCulture))],
            File.ReadAllLines(stripe));
        Assert.Equal(seedFile, Assert.Single(ProvenanceJson.Read(File.ReadAllText(ProvenanceRecord.SidecarPath(stripe))).Inputs).Path);
    }
}
