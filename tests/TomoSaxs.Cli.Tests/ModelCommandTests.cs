using System.Text.Json;
using TomoSaxs.FibreModel;
using TomoSaxs.TestSupport;
using static TomoSaxs.Cli.Tests.CliRun;

namespace TomoSaxs.Cli.Tests;

/// <summary>`tomosaxs model` prints exactly what the library computes, and so matches the reference's golden values.</summary>
public class ModelCommandTests
{
    private static readonly JsonElement Golden =
        JsonDocument.Parse(File.ReadAllText(SharedData.Path("golden", "fibre-model", "reference.json"))).RootElement;

    private static string[] FibreArgs(JsonElement fibre) =>
    [
        "--q0", Number(fibre.GetProperty("q0").GetDouble()), "--wa", Number(fibre.GetProperty("wa").GetDouble()),
        "--wmu", Number(fibre.GetProperty("wMu").GetDouble()), "--delta", Number(fibre.GetProperty("delta").GetDouble()),
        "--alpha", Number(fibre.GetProperty("alpha").GetDouble()), "--beta", Number(fibre.GetProperty("beta").GetDouble()),
        "--wavelength", Number(fibre.GetProperty("wavelength_nm").GetDouble()),
    ];

    private static FibreKernel Kernel(JsonElement fibre) => new(
        new FibreParameters(fibre.GetProperty("q0").GetDouble(), fibre.GetProperty("wa").GetDouble(),
            fibre.GetProperty("wMu").GetDouble(), fibre.GetProperty("delta").GetDouble()),
        new FibreOrientation(fibre.GetProperty("alpha").GetDouble(), fibre.GetProperty("beta").GetDouble()));

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(299)]
    public void PointEqualsLibraryAndGolden(int index)
    {
        var point = Golden.GetProperty("points")[index];
        var q = point.GetProperty("q").GetDouble();
        var chi = point.GetProperty("chi_deg").GetDouble();

        var csv = Of(["model", "point", .. FibreArgs(point), "--q", Number(q), "--chi", Number(chi)]).Csv();

        var library = Kernel(point).IntensityAtLab(EwaldSphere.Sample(q, chi, point.GetProperty("wavelength_nm").GetDouble()));
        Assert.Equal(library, csv["intensity"].Single());
        var golden = point.GetProperty("intensity").GetDouble();
        Assert.True(Math.Abs(csv["intensity"][0] - golden) <= 1e-9 * Math.Abs(golden), $"{csv["intensity"][0]} vs golden {golden}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(23)]
    public void ChiProfileEqualsLibraryAndGolden(int index)
    {
        var profile = Golden.GetProperty("ichi_profiles")[index];
        double P(string name) => profile.GetProperty(name).GetDouble();

        var csv = Of(["model", "ichi", .. FibreArgs(profile),
            "--q-range", $"{Number(P("q1"))},{Number(P("q2"))}", "--nq", profile.GetProperty("nq").GetInt32().ToString(),
            "--chi-range", $"{Number(P("chi1"))},{Number(P("chi2"))}", "--nchi", profile.GetProperty("nchi").GetInt32().ToString(),
            "--amp", Number(P("amp")), "--weight", Number(P("weight"))]).Csv();

        var grid = EwaldGrid.ForChiProfile(P("q1"), P("q2"), profile.GetProperty("nq").GetInt32(), P("chi1"), P("chi2"),
            profile.GetProperty("nchi").GetInt32(), P("wavelength_nm"));
        var library = new double[grid.ChiCount];
        FibreProfiles.ChiProfile(grid, Kernel(profile), P("amp"), P("weight"), library);
        Assert.Equal(library, csv["intensity"]);
        Assert.Equal(Doubles(profile.GetProperty("chi_deg")), csv["chi_deg"]);
        AssertCloseToGolden(Doubles(profile.GetProperty("ichi")), csv["intensity"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(11)]
    public void SectorQProfileEqualsLibraryAndGolden(int index)
    {
        var profile = Golden.GetProperty("iq_profiles")[index];
        double P(string name) => profile.GetProperty(name).GetDouble();
        var q = Doubles(profile.GetProperty("q"));
        var chiSamples = Doubles(profile.GetProperty("chi_samples_deg"));
        var centre = (chiSamples[0] + chiSamples[^1]) / 2;

        var csv = Of(["model", "iq", .. FibreArgs(profile), "--q-range", $"{Number(q[0])},{Number(q[^1])}",
            "--q-points", q.Length.ToString(), "--chi-centre", Number(centre), "--amp", Number(P("amp")), "--weight", Number(P("weight"))]).Csv();

        var grid = EwaldGrid.ForSector(ProfileGrids.Linspace(q[0], q[^1], q.Length), centre, P("wavelength_nm"));
        var library = new double[grid.QCount];
        FibreProfiles.SectorQProfile(grid, Kernel(profile), P("amp"), P("weight"), library);
        Assert.Equal(library, csv["intensity"]);
        AssertCloseToGolden(Doubles(profile.GetProperty("iq")), csv["intensity"]);
    }

    [Fact]
    public void InvalidParametersAreACleanErrorNotACrash()
    {
        var run = Of("model", "point", "--q0", "0.28", "--wa", "0.002", "--wmu", "0.2", "--delta", "1.5",
            "--alpha", "90", "--beta", "90", "--q", "0.28", "--chi", "90");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("tomosaxs:", run.Error);
        Assert.Contains("δ", run.Error);
    }

    [Fact]
    public void WritesCsvFileWhenAskedTo()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("point.csv");

        var run = Of("model", "point", "--q0", "0.282179", "--wa", "0.002", "--wmu", "0.2", "--delta", "0.5",
            "--alpha", "90", "--beta", "90", "--q", "0.282179", "--chi", "0", "--out", path);

        Assert.Equal(0, run.ExitCode);
        var (headers, columns) = TomoSaxs.Formats.Csv.CsvTableReader.Read(path);
        Assert.Equal("intensity", headers[^1]);
        Assert.True(columns[^1][0] > 100, $"an in-plane fibre at its peak should be bright, got {columns[^1][0]}");
    }

    /// <summary>Golden rule of the issue: 1e-9 relative, except values below 1e-12 of the profile maximum, which may differ by 1e-12 of it.</summary>
    private static void AssertCloseToGolden(double[] golden, double[] actual)
    {
        Assert.Equal(golden.Length, actual.Length);
        var max = golden.Max(Math.Abs);
        for (var i = 0; i < golden.Length; i++)
        {
            var allowed = Math.Abs(golden[i]) < 1e-12 * max ? 1e-12 * max : 1e-9 * Math.Abs(golden[i]);
            Assert.True(Math.Abs(actual[i] - golden[i]) <= allowed, $"[{i}] {actual[i]} vs golden {golden[i]}");
        }
    }
}
