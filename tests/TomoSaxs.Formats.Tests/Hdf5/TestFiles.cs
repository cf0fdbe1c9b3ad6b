using System.Text;
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

    /// <summary>
    /// Writes a copy of scan_lz4.nxs whose filter pipeline message names filter 32123 ("mystery filter!…")
    /// instead of 32004, and returns its path. In a version 1 or 2 pipeline message the 2-byte filter id sits
    /// 8 bytes before the stored filter name.
    /// </summary>
    public static string WithUnknownFilter(TemporaryDirectory folder)
    {
        var copy = folder.File("scan_unknown_filter.nxs");
        var bytes = File.ReadAllBytes(Fixture("scan_lz4.nxs"));
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes("HDF5 lz4 filter"));
        Assert.True(at > 8, "the LZ4 filter name was not found in the fixture");
        Assert.Equal(32004, bytes[at - 8] | bytes[at - 7] << 8);
        bytes[at - 8] = 32123 & 0xFF;
        bytes[at - 7] = 32123 >> 8;
        Encoding.ASCII.GetBytes("mystery filter!").CopyTo(bytes, at);
        File.WriteAllBytes(copy, bytes);
        return copy;
    }

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
