using TomoSaxs.TestSupport;

namespace TomoSaxs.Formats.Tests.Hdf5;

/// <summary>Where the tests find the shared I22 fixtures and this project's own small test files.</summary>
internal static class TestFiles
{
    /// <summary>The scan fixtures: the same values stored with each filter (shared/fixtures/i22).</summary>
    public static readonly string[] ScanFixtures =
    [
        "scan_none.nxs", "scan_gzip_shuffle.nxs", "scan_lzf.nxs", "scan_lz4.nxs",
        "scan_bitshuffle_lz4.nxs", "scan_blosc_lz4.nxs", "scan_external.nxs",
    ];

    public static string Fixture(string name) => SharedData.Path("fixtures", "i22", name);

    public static string Hdf5Data(string name) =>
        Path.Combine(SharedData.RepositoryRoot, "tests", "TomoSaxs.Formats.Tests", "Hdf5", "Data", name);

    public static string NexusData(string name) =>
        Path.Combine(SharedData.RepositoryRoot, "tests", "TomoSaxs.Formats.Tests", "Nexus", "Data", name);

    public static TheoryData<string> ScanFixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in ScanFixtures)
        {
            data.Add(name);
        }

        return data;
    }
}
